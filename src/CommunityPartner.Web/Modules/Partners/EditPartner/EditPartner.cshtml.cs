using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Partners.RegisterPartner;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Partners.EditPartner;

/// <summary>The partner's members edit its profile; anyone else is told there is no such page.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditPartnerModel(AppDbContext db, EditPartnerHandler handler, ICommunityDirectory communities, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PartnerForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public PartnerFields Fields { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var partner = await db.Set<Partner>().AsNoTracking().Include(p => p.Members).Include(p => p.Strengths).Include(p => p.Communities)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null || User.UserId() is not { } userId || !partner.HasMember(userId))
        {
            return NotFound();
        }

        var codes = (await communities.ListAsync(ct)).ToDictionary(c => c.Id, c => c.Code);
        Input = new PartnerForm
        {
            Type = PartnerText.TypeCode(partner.Type),
            Name = partner.Name,
            CreditCode = partner.CreditCode,
            ContactName = partner.ContactName,
            ContactPhone = partner.ContactPhone,
            Introduction = partner.Introduction,
            Strengths = [.. partner.Strengths.Select(s => s.Code)],
            Communities = [.. partner.Communities.Select(c => codes.GetValueOrDefault(c.CommunityId, ""))],
            ShowOnHonourWall = partner.ShowOnHonourWall,
        };
        Version = partner.Version;
        await LoadAsync(id, partner.Name, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, Input.ToInput(), Version, User, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = text[result.Value!.Status == PartnerStatus.Pending ? "资料已保存，等待新区管理员审核。" : "资料已保存。"].Value;
            return Redirect($"/partners/{id}");
        }

        if (result.Kind is ResultKind.NotFound or ResultKind.Forbidden)
        {
            return NotFound();
        }

        ModelState.AddResult(result, text);
        await LoadAsync(id, await db.Set<Partner>().Where(p => p.Id == id).Select(p => p.Name).FirstAsync(ct), ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, string name, CancellationToken ct)
    {
        Id = id;
        Name = name;
        Fields = await PartnerFields.LoadAsync(Input, communities, text, ct);
    }
}
