using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Partners.RegisterPartner;

public sealed class PartnerForm
{
    public string? Type { get; set; }

    public string? Name { get; set; }

    public string? CreditCode { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? Introduction { get; set; }

    public List<string> Strengths { get; set; } = [];

    public List<string> Communities { get; set; } = [];

    public bool ShowOnHonourWall { get; set; }

    public PartnerInput ToInput() => new(Type, Name, CreditCode, ContactName, ContactPhone, Introduction, Strengths, Communities, ShowOnHonourWall);
}

/// <summary>What the shared registration/edit fields need: the form and the choices.</summary>
public sealed record PartnerFields(PartnerForm Input, IReadOnlyList<SelectListItem> TypeOptions, IReadOnlyList<CommunityInfo> CommunityChoices)
{
    public static async Task<PartnerFields> LoadAsync(PartnerForm input, ICommunityDirectory communities, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        new(input, [new SelectListItem(text["请选择"], ""), .. Enum.GetValues<PartnerType>().Select(t => new SelectListItem(text[PartnerText.TypeKey(t)], PartnerText.TypeCode(t)))],
            await communities.ListAsync(ct));
}

[Authorize(Policy = Policies.SignedIn)]
public sealed class RegisterPartnerModel(RegisterPartnerHandler handler, ICommunityDirectory communities, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PartnerForm Input { get; set; } = new();

    public PartnerFields Fields { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.CommunityId() is { } own && await communities.FindByIdAsync(own, ct) is { } home)
        {
            Input.Communities = [home.Code];
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(Input.ToInput(), User, ct);
        if (!result.IsOk)
        {
            ModelState.AddResult(result, text);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["登记已提交，新区管理员审核通过后即可签订合作意向。"].Value;
        return Redirect($"/partners/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) => Fields = await PartnerFields.LoadAsync(Input, communities, text, ct);
}
