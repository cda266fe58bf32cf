using System.Security.Claims;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation.ViewOffer;

/// <param name="NeedId">The project's ask this line answers; null for "other".</param>
public sealed record OfferLineView(Guid Id, string Kind, string KindKey, string What, int? Hours, long Yuan, Guid? NeedId, string? NeedTitle);

/// <param name="Side">partner, community or system (an amendment: old → new).</param>
public sealed record OfferMessageView(long Id, string Side, string AuthorName, string Text, DateTime At);

/// <param name="DueOn">兑现期限 (district date) agreed so far.</param>
/// <param name="Overdue">Its signed intent is past due while some line is not delivered (逾期未兑现).</param>
public sealed record OfferSummary(
    Guid Id, Guid ProjectId, string ProjectTitle, Guid PartnerId, string PartnerName, string Status, string StatusKey, string Lines, DateTime CreatedAt,
    DateOnly? DueOn = null, bool Overdue = false);

public sealed record OfferDetails(
    Guid Id, Guid ProjectId, string ProjectTitle, string ProjectStatus, Guid PartnerId, string PartnerName, bool PartnerVerified,
    string Status, string StatusKey, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? DecidedAt, string? DeclineReason,
    IReadOnlyList<OfferLineView> Lines, IReadOnlyList<OfferMessageView> Messages, Guid? IntentId, int Version)
{
    /// <summary>兑现期限 (district date) agreed so far; frozen into the intent when accepted.</summary>
    public DateOnly? DueOn { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool ViewerIsMember { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool ViewerIsStaff { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ProjectAsk> Asks { get; init; } = [];
}

/// <summary>Offers as their two sides see them; nobody else sees an offer.</summary>
public sealed class OfferReader(AppDbContext db, CooperationPeople people, IProjectMatching projects, IProjectCatalog catalog, IPartnerRoster partners, TimeProvider clock)
{
    /// <returns>No offer and not forbidden: there is no such offer; forbidden: the viewer is on neither side.</returns>
    public async Task<(OfferDetails? Offer, bool Forbidden)> FindAsync(Guid id, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().AsNoTracking().Include(o => o.Lines).Include(o => o.Messages).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return (null, false);
        }

        var parties = await people.PartiesAsync(offer.PartnerId, offer.CommunityId, viewer, ct);
        if (parties is not { IsParty: true })
        {
            return (null, true);
        }

        var project = await projects.FindWithAsksAsync(offer.ProjectId, ct);
        var asks = project?.Asks ?? [];
        var names = await people.NamesAsync(offer.Messages.Select(m => m.AuthorId), ct);
        var intentId = await db.Set<CooperationIntent>().Where(i => i.OfferId == id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        return (new OfferDetails(
            offer.Id, offer.ProjectId, project?.Brief.Title ?? "", project?.Brief.StatusCode ?? "", offer.PartnerId, parties.Partner.Name, parties.Partner.IsVerified,
            CooperationText.StatusCode(offer.Status), CooperationText.StatusKey(offer.Status), offer.CreatedAt, offer.SubmittedAt, offer.DecidedAt, offer.DeclineReason,
            [.. offer.Lines.OrderBy(l => l.SortOrder).Select(l => Line(l.Id, l.Kind, l.What, l.Hours, l.Yuan, l.NeedId, asks))],
            [.. offer.Messages.OrderBy(m => m.At).ThenBy(m => m.Id).Select(m =>
                new OfferMessageView(m.Id, CooperationText.SideCode(m.Side), names.GetValueOrDefault(m.AuthorId, ""), m.Text, m.At))],
            intentId, offer.Version)
        {
            DueOn = offer.DueOn,
            ViewerIsMember = parties.IsMember,
            ViewerIsStaff = parties.IsStaff,
            Asks = asks,
        }, false);
    }

    /// <summary>A project's offers: all of them for its staff, a partner member's own partners' otherwise. Null: not allowed.</summary>
    public async Task<IReadOnlyList<OfferSummary>?> ListForProjectAsync(Guid projectId, Guid communityId, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var query = db.Set<Offer>().AsNoTracking().Where(o => o.ProjectId == projectId);
        if (!CooperationPeople.IsStaffOf(viewer, communityId))
        {
            var mine = viewer.UserId() is { } userId ? (await partners.OfMemberAsync(userId, ct)).Select(p => p.Id).ToList() : [];
            if (mine.Count == 0)
            {
                return null;
            }

            query = query.Where(o => mine.Contains(o.PartnerId));
        }

        return await SummariesAsync(query, ct);
    }

    /// <summary>我的合作: the offers of every partner the viewer is a member of.</summary>
    public async Task<IReadOnlyList<OfferSummary>> ListMineAsync(ClaimsPrincipal viewer, CancellationToken ct)
    {
        var mine = viewer.UserId() is { } userId ? (await partners.OfMemberAsync(userId, ct)).Select(p => p.Id).ToList() : [];
        return mine.Count == 0 ? [] : await SummariesAsync(db.Set<Offer>().AsNoTracking().Where(o => mine.Contains(o.PartnerId)), ct);
    }

    /// <summary>Offers to the projects of the staff member's community (every community for the district admin), drafts left out.</summary>
    public Task<IReadOnlyList<OfferSummary>> ListForStaffAsync(ClaimsPrincipal viewer, Guid? projectId, CancellationToken ct)
    {
        var query = db.Set<Offer>().AsNoTracking().Where(o => o.Status != OfferStatus.Draft);
        if (!viewer.IsInRole(Roles.DistrictAdmin))
        {
            var community = viewer.CommunityId() ?? Guid.Empty;
            query = query.Where(o => o.CommunityId == community);
        }

        if (projectId is { } p)
        {
            query = query.Where(o => o.ProjectId == p);
        }

        return SummariesAsync(query, ct);
    }

    internal static OfferLineView Line(Guid id, OfferLineKind kind, string what, int? hours, long yuan, Guid? needId, IReadOnlyList<ProjectAsk> asks) =>
        new(id, CooperationText.KindCode(kind), CooperationText.KindKey(kind), what, hours, yuan, needId, asks.FirstOrDefault(a => a.Id == needId)?.Title);

    private async Task<IReadOnlyList<OfferSummary>> SummariesAsync(IQueryable<Offer> query, CancellationToken ct)
    {
        var offers = await query.Include(o => o.Lines).OrderByDescending(o => o.CreatedAt).Take(200).ToListAsync(ct);
        var cards = (await partners.FindManyAsync([.. offers.Select(o => o.PartnerId)], ct)).ToDictionary(p => p.Id);
        var titles = (await catalog.FindAsync([.. offers.Select(o => o.ProjectId)], ct)).ToDictionary(p => p.Id, p => p.Title);
        var signed = offers.Where(o => o.Status == OfferStatus.IntentSigned).Select(o => o.Id).ToList();
        var overdue = signed.Count == 0 ? [] : await Overdue.OverdueIntents.FlagsByOfferAsync(db, signed, clock.GetUtcNow().UtcDateTime, ct);
        return [.. offers.Select(o => new OfferSummary(
            o.Id, o.ProjectId, titles.GetValueOrDefault(o.ProjectId, ""), o.PartnerId, cards.GetValueOrDefault(o.PartnerId)?.Name ?? "",
            CooperationText.StatusCode(o.Status), CooperationText.StatusKey(o.Status), OfferLineDraft.Summary(o.LineDrafts()), o.CreatedAt,
            overdue.TryGetValue(o.Id, out var due) ? due : o.DueOn, overdue.ContainsKey(o.Id)))];
    }
}
