using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Cooperation.SignIntent;
using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.ViewIntent;

/// <summary>The printable cooperation intent: parties, project, asks, lines, both confirmations and every version.</summary>
public sealed class ViewIntentModel(IntentReader reader, IStringLocalizer<SharedResource> text) : PageModel, ILinesPage
{
    public IntentDetails Intent { get; private set; } = default!;

    [BindProperty]
    public List<LineForm> Lines { get; set; } = [];

    /// <summary>A partner member's new delivery against a signed line.</summary>
    [BindProperty]
    public DeliveryForm Delivery { get; set; } = new();

    /// <summary>The lines of the signed version, which deliveries point at.</summary>
    public IReadOnlyList<OfferLineView> SignedLines => Intent.SignedNumber is { } n ? Intent.Versions.First(v => v.Number == n).Lines : [];

    public bool CanRecordDelivery => Intent.ViewerIsMember && Intent.SignedNumber is not null && Intent.Status != "void";

    public bool CanDecideDelivery => Intent.ViewerIsStaff && !Intent.ViewerIsMember;

    public IReadOnlyList<ProjectAsk> Asks => Intent.Asks;

    public IStringLocalizer<SharedResource> Text => text;

    /// <summary>The viewer's side has not confirmed the current, unsigned version yet.</summary>
    public bool CanConfirm => Intent.Status is "confirming" or "amending"
        && ((Intent.ViewerIsMember && Intent.Current.PartnerConfirmedAt is null) || (!Intent.ViewerIsMember && Intent.ViewerIsStaff && Intent.Current.CommunityConfirmedAt is null));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, fillLines: true, ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, [FromServices] SignIntentHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.ConfirmAsync(id, User, ct), "已确认。双方都确认后合作意向即签署。", ct);

    public async Task<IActionResult> OnPostVersionAsync(Guid id, [FromServices] SignIntentHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.ProposeAsync(id, [.. Lines.Select(l => l.ToInput())], User, ct), "已提出新版本，请双方重新确认。", ct);

    public async Task<IActionResult> OnPostDeliverAsync(Guid id, [FromServices] RecordDeliveryHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.RecordAsync(id, Delivery.ToInput(), Delivery.Upload(), User, ct), "已登记兑现，等待社区确认。", ct, prefix: "Delivery");

    public async Task<IActionResult> OnPostAcceptDeliveryAsync(Guid id, Guid deliveryId, [FromServices] RecordDeliveryHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.ConfirmAsync(deliveryId, User, ct), "已确认这笔兑现。", ct, prefix: "");

    public async Task<IActionResult> OnPostDisputeDeliveryAsync(Guid id, Guid deliveryId, string? reason, [FromServices] RecordDeliveryHandler handler, CancellationToken ct) =>
        await AfterAsync(id, await handler.DisputeAsync(deliveryId, reason, User, ct), "已对这笔兑现提出异议。", ct, prefix: "");

    private async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string done, CancellationToken ct, string? prefix = null)
    {
        switch (result.Kind)
        {
            case ResultKind.Ok:
                TempData["Flash"] = text[done].Value;
                return Redirect($"/intents/{id}");
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return User.UserId() is null ? Challenge() : Forbid();
            default:
                if (prefix is null)
                {
                    ModelState.AddResult(result, text, prefix: "", field: LinesPage.Field);
                }
                else
                {
                    ModelState.AddResult(result, text, prefix: prefix, field: prefix.Length == 0 ? _ => "" : null);
                }

                return await LoadAsync(id, fillLines: false, ct);
        }
    }

    private async Task<IActionResult> LoadAsync(Guid id, bool fillLines, CancellationToken ct)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        var (intent, forbidden) = await reader.FindAsync(id, User, ct);
        if (intent is null)
        {
            return forbidden ? Forbid() : NotFound();
        }

        Intent = intent;
        if (fillLines || Lines.Count == 0)
        {
            Lines = LineForm.From(intent.Current.Lines.Select(l => new OfferLineDraft(CooperationText.ParseKind(l.Kind)!.Value, l.What, l.Hours, l.Yuan, l.NeedId)), 1);
        }

        return Page();
    }
}

/// <summary>The delivery form on the intent page.</summary>
public sealed class DeliveryForm
{
    public Guid? LineId { get; set; }

    public long? Yuan { get; set; }

    public int? Hours { get; set; }

    public string? Note { get; set; }

    /// <summary>An optional photo of what was handed over.</summary>
    public IFormFile? Photo { get; set; }

    public DeliveryInput ToInput() => new(LineId, Yuan, Hours, Note);

    public PhotoUpload? Upload() => Photo is { } file ? new PhotoUpload(file.FileName, file.Length, file.OpenReadStream) : null;
}
