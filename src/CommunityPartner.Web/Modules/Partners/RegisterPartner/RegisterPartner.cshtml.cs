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
}

[Authorize(Policy = Policies.SignedIn)]
public sealed class RegisterPartnerModel(RegisterPartnerHandler handler, ICommunityDirectory communities, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PartnerForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> TypeOptions { get; private set; } = [];

    public IReadOnlyList<CommunityInfo> CommunityChoices { get; private set; } = [];

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
        var result = await handler.HandleAsync(
            new PartnerInput(Input.Type, Input.Name, Input.CreditCode, Input.ContactName, Input.ContactPhone, Input.Introduction,
                Input.Strengths, Input.Communities, Input.ShowOnHonourWall), User, ct);
        if (!result.IsOk)
        {
            ModelState.AddResult(result, text);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["登记已提交，新区管理员审核通过后即可签订合作意向。"].Value;
        return Redirect($"/partners/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        TypeOptions = [new SelectListItem(text["请选择"], ""), .. Enum.GetValues<PartnerType>().Select(t => new SelectListItem(text[PartnerText.TypeKey(t)], PartnerText.TypeCode(t)))];
        CommunityChoices = await communities.ListAsync(ct);
    }
}
