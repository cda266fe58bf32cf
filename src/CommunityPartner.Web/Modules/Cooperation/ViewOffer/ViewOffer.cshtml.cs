using CommunityPartner.Web.Modules.Cooperation.DecideOffer;
using CommunityPartner.Web.Modules.Cooperation.NegotiateOffer;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.ViewOffer;

/// <summary>An offer for its two sides: lines, the negotiation thread, and the actions each side may take now.</summary>
public sealed class ViewOfferModel(OfferReader reader, IStringLocalizer<SharedResource> text) : PageModel, ILinesPage
{
    public OfferDetails Offer { get; private set; } = default!;

    [BindProperty]
    public List<LineForm> Lines { get; set; } = [];

    [BindProperty]
    public string? MessageText { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>兑现期限 in the amend form; empty keeps the current one.</summary>
    [BindProperty]
    public DateOnly? DueOn { get; set; }

    public IReadOnlyList<ProjectAsk> Asks => Offer.Asks;

    public IStringLocalizer<SharedResource> Text => text;

    public bool IsOpen => Offer.Status is "draft" or "negotiating";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, fillLines: true, ct);

    public async Task<IActionResult> OnPostMessageAsync(Guid id, [FromServices] NegotiateOfferHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.PostAsync(id, MessageText, User, ct), "留言已发送，对方会收到通知。", ct, f => f == "text" ? "MessageText" : f);

    public async Task<IActionResult> OnPostAmendAsync(Guid id, [FromServices] NegotiateOfferHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.AmendAsync(id, [.. Lines.Select(l => l.ToInput())], User, ct, DueOn), "出力内容已修改。", ct, LinesPage.Field);

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, [FromServices] NegotiateOfferHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.SubmitAsync(id, User, ct), "出力方案已提交，社区工作者会和你协商。", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, [FromServices] NegotiateOfferHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.WithdrawAsync(id, User, ct), "出力方案已撤回。", ct);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, [FromServices] DecideOfferHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.AcceptAsync(id, User, ct), "已接受出力方案，请双方确认合作意向。", ct);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, [FromServices] DecideOfferHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.DeclineAsync(id, Reason, User, ct), "已婉拒出力方案，合伙人会收到理由。", ct, f => f == "reason" ? "Reason" : f);

    private async Task<IActionResult> AfterAsync(Guid id, Result<Offer> result, string done, CancellationToken ct, Func<string, string>? rename = null)
    {
        switch (result.Kind)
        {
            case ResultKind.Ok:
                TempData["Flash"] = text[done].Value;
                return Redirect($"/offers/{id}");
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return User.UserId() is null ? Challenge() : Forbid();
            default:
                ModelState.AddResult(result, text, prefix: "", field: rename);
                return await LoadAsync(id, fillLines: false, ct);
        }
    }

    private async Task<IActionResult> LoadAsync(Guid id, bool fillLines, CancellationToken ct)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        var (offer, forbidden) = await reader.FindAsync(id, User, ct);
        if (offer is null)
        {
            return forbidden ? Forbid() : NotFound();
        }

        Offer = offer;
        if (fillLines || Lines.Count == 0)
        {
            Lines = LineForm.From(offer.Lines.Select(l => new OfferLineDraft(CooperationText.ParseKind(l.Kind)!.Value, l.What, l.Hours, l.Yuan, l.NeedId)), 2);
            DueOn = offer.DueOn;
        }

        return Page();
    }
}
