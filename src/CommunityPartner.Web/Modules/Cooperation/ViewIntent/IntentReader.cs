using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Cooperation.MatchProject;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation.ViewIntent;

/// <param name="IsCurrent">The newest version, open to confirmation until signed.</param>
public sealed record IntentVersionView(
    Guid Id, int Number, bool IsCurrent, DateTime CreatedAt, string ProposedBy, IReadOnlyList<OfferLineView> Lines,
    string? PartnerConfirmedBy, DateTime? PartnerConfirmedAt, string? CommunityConfirmedBy, DateTime? CommunityConfirmedAt, DateTime? SignedAt,
    DateOnly? DueOn = null);

/// <param name="Asks">The project's asks, each line pointing at one of them (or at none, "other").</param>
/// <param name="Versions">Newest first; signed versions never change.</param>
public sealed record IntentDetails(
    Guid Id, Guid OfferId, Guid ProjectId, string ProjectTitle, string CommunityName, Guid PartnerId, string PartnerName, bool PartnerVerified,
    string Status, int CurrentNumber, int? SignedNumber, DateTime CreatedAt, IReadOnlyList<ProjectAsk> Asks, IReadOnlyList<IntentVersionView> Versions)
{
    /// <summary>Deliveries recorded against the signed lines, newest first.</summary>
    public IReadOnlyList<DeliveryView> Deliveries { get; init; } = [];

    /// <summary>逾期未兑现: the signed version's due date has passed while some of its lines is not delivered.</summary>
    public bool Overdue { get; init; }

    /// <summary>Per ask of the project: asked, pledged by signed intents, delivered (confirmed deliveries).</summary>
    public IReadOnlyList<AskCoverage> Figures { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool ViewerIsMember { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool ViewerIsStaff { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public IntentVersionView Current => Versions.First(v => v.IsCurrent);
}

/// <summary>A delivery against a line of the signed version, as both sides see it.</summary>
/// <param name="Status">recorded, confirmed or disputed.</param>
public sealed record DeliveryView(
    Guid Id, Guid LineId, string Kind, string What, long Yuan, int? Hours, string Note, string RecordedBy, DateTime RecordedAt,
    string Status, string? DecidedBy, DateTime? DecidedAt, string? DisputeReason, string? PhotoUrl = null);

/// <summary>A cooperation intent as its two sides see it (nobody else): parties, project, asks, every version.</summary>
public sealed class IntentReader(
    AppDbContext db, CooperationPeople people, IProjectMatching projects, ICommunityDirectory communities, MatchProjectHandler figures, TimeProvider clock)
{
    public async Task<(IntentDetails? Intent, bool Forbidden)> FindAsync(Guid id, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var intent = await db.Set<CooperationIntent>().AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Lines).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        if (intent is null)
        {
            return (null, false);
        }

        var parties = await people.PartiesAsync(intent.PartnerId, intent.CommunityId, viewer, ct);
        if (parties is not { IsParty: true })
        {
            return (null, true);
        }

        var project = await projects.FindWithAsksAsync(intent.ProjectId, ct);
        var asks = project?.Asks ?? [];
        var community = await communities.FindByIdAsync(intent.CommunityId, ct);
        var deliveries = await db.Set<Delivery>().AsNoTracking().Where(d => d.IntentId == id).ToListAsync(ct);
        var names = await people.NamesAsync(intent.Versions.SelectMany(v => new[] { v.ProposedById, v.PartnerConfirmedById ?? Guid.Empty, v.CommunityConfirmedById ?? Guid.Empty })
            .Concat(deliveries.SelectMany(d => new[] { d.RecordedById, d.DecidedById ?? Guid.Empty })), ct);
        var lines = intent.Versions.SelectMany(v => v.Lines).ToDictionary(l => l.Id);
        string? Name(Guid? userId) => userId is { } u ? names.GetValueOrDefault(u, "") : null;
        var status = intent.IsVoid ? "void" : intent.Current.SignedAt is not null ? "signed" : intent.IsSigned ? "amending" : "confirming";
        return (new IntentDetails(
            intent.Id, intent.OfferId, intent.ProjectId, project?.Brief.Title ?? "", community?.DisplayName ?? "", intent.PartnerId, parties.Partner.Name,
            parties.Partner.IsVerified, status, intent.CurrentNumber, intent.SignedNumber, intent.CreatedAt, asks,
            [.. intent.Versions.OrderByDescending(v => v.Number).Select(v => new IntentVersionView(
                v.Id, v.Number, v.Number == intent.CurrentNumber, v.CreatedAt, Name(v.ProposedById) ?? "",
                [.. v.Lines.OrderBy(l => l.SortOrder).Select(l => OfferReader.Line(l.Id, l.Kind, l.What, l.Hours, l.Yuan, l.NeedId, asks))],
                Name(v.PartnerConfirmedById), v.PartnerConfirmedAt, Name(v.CommunityConfirmedById), v.CommunityConfirmedAt, v.SignedAt, v.DueOn))])
        {
            Deliveries = [.. deliveries.OrderByDescending(d => d.RecordedAt).Select(d => new DeliveryView(
                d.Id, d.LineId, CooperationText.KindCode(d.Kind), lines.TryGetValue(d.LineId, out var line) ? line.What : "", d.Yuan, d.Hours, d.Note,
                Name(d.RecordedById) ?? "", d.RecordedAt, StatusCode(d.Status), Name(d.DecidedById), d.DecidedAt, d.DisputeReason,
                d.PhotoId is null ? null : $"/intents/{intent.Id}/deliveries/{d.Id}/photo"))],
            Figures = await figures.CoverageAsync(intent.ProjectId, ct) ?? [],
            Overdue = (await Overdue.OverdueIntents.FlagsAsync(db, [intent], clock.GetUtcNow().UtcDateTime, ct)).ContainsKey(intent.Id),
            ViewerIsMember = parties.IsMember,
            ViewerIsStaff = parties.IsStaff,
        }, false);
    }

    public static string StatusCode(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Confirmed => "confirmed",
        DeliveryStatus.Disputed => "disputed",
        _ => "recorded",
    };

    public static string DeliveryStatusKey(string status) => status switch
    {
        "confirmed" => "已确认",
        "disputed" => "有异议",
        _ => "待社区确认",
    };

    public static string StatusKey(string status) => status switch
    {
        "void" => "已作废",
        "signed" => "已签署",
        "amending" => "新版本待确认",
        _ => "待双方确认",
    };
}
