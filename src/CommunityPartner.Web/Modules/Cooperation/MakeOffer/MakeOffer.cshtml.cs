using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.MakeOffer;

/// <summary>我要出力: a partner member offers lines of help to a recruiting project; 起草意向 posts here too (handler Draft).</summary>
public sealed class MakeOfferModel(MakeOfferHandler handler, IProjectMatching projects, IPartnerRoster partners, IStringLocalizer<SharedResource> text) : PageModel, ILinesPage
{
    public ProjectWithAsks Project { get; private set; } = default!;

    public IReadOnlyList<PartnerCard> MyPartners { get; private set; } = [];

    [BindProperty]
    public Guid? PartnerId { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    /// <summary>兑现期限; empty: 90 days from today.</summary>
    [BindProperty]
    public DateOnly? DueOn { get; set; }

    [BindProperty]
    public List<LineForm> Lines { get; set; } = LineForm.From([], 3);

    public IReadOnlyList<ProjectAsk> Asks => Project.Asks;

    public IStringLocalizer<SharedResource> Text => text;

    public IEnumerable<SelectListItem> PartnerOptions => MyPartners.Select(p => new SelectListItem(p.Name, p.Id.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        User.UserId() is null ? Challenge() : await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await handler.HandleAsync(id, new MakeOfferInput(PartnerId, [.. Lines.Select(l => l.ToInput())], Message, DueOn: DueOn), User, ct), "出力方案已提交，社区工作者会和你协商。", ct);

    public async Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await handler.HandleAsync(id, new MakeOfferInput(PartnerId, null, null, Draft: true), User, ct), "已起草出力方案，请填写出力内容后提交。", ct);

    private async Task<IActionResult> AfterAsync(Guid id, Result<Offer> result, string done, CancellationToken ct)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        if (result.IsOk)
        {
            TempData["Flash"] = text[done].Value;
            return Redirect($"/offers/{result.Value!.Id}");
        }

        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddResult(result, text, prefix: "", field: LinesPage.Field);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await projects.FindWithAsksAsync(id, ct) is not { } project)
        {
            return false;
        }

        Project = project;
        MyPartners = await partners.OfMemberAsync(User.UserId()!.Value, ct);
        return true;
    }
}
