using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.ViewNeed;

/// <param name="Detail">For a rating, the verdict (满意 / 基本满意 / 不满意) as a localization key.</param>
public sealed record TimelineEntry(DateTime At, string Kind, string KindKey, string? Text, string Actor, string? Detail = null);

public sealed record NeedDetails(
    Guid Id, string CommunityCode, string CommunityName, string CategoryCode, string CategoryName, string Title, string Description,
    string Address, double? Latitude, double? Longitude, string Status, string StatusKey, string Channel, string Raiser,
    DateTime SubmittedAt, DateTime RespondBy, DateTime ResolveBy, DateTime? FirstRespondedAt, DateTime? ResolvedAt,
    bool ResponseOverdue, bool ResolutionOverdue, int SupportCount, string? ResolutionText, string? RejectionReason,
    Guid? MergedIntoId, IReadOnlyList<Guid> PhotoIds, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>Not in the JSON: who may rate/support, for the page.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? RaiserId { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public Guid CommunityId { get; init; }

    /// <summary>The community project answering this need, if any (its page is /projects/{id}).</summary>
    public Guid? ProjectId { get; init; }
}

/// <summary>
/// The public view of a need: the same facts on the need page, in the API and through Open311. The raiser's phone is
/// never part of it; their name only if they chose to show it, masked otherwise.
/// </summary>
public sealed class NeedReader(AppDbContext db, ICommunityDirectory communities, TimeProvider clock)
{
    public async Task<NeedDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        var need = await db.Set<Need>().AsNoTracking().Include(n => n.Events).Include(n => n.Ratings).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null)
        {
            return null;
        }

        var community = await communities.FindByIdAsync(need.CommunityId, ct);
        var category = await db.Set<NeedCategory>().AsNoTracking().FirstAsync(c => c.Id == need.CategoryId, ct);
        var photos = await db.Set<NeedPhoto>().Where(p => p.NeedId == id).OrderBy(p => p.At).Select(p => p.Id).ToListAsync(ct);
        var actorIds = need.Events.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value).Append(need.RaiserId ?? Guid.Empty).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.CommunityId }).ToDictionaryAsync(u => u.Id, ct);
        var staffIds = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => actorIds.Contains(x.UserId) && (x.Name == Roles.CommunityStaff || x.Name == Roles.DistrictAdmin))
            .Select(x => x.UserId).ToListAsync(ct)).ToHashSet();

        var raiserName = need.RaiserId is { } rid && people.TryGetValue(rid, out var raiser)
            ? (need.ShowRaiserName ? raiser.DisplayName : PersonalData.MaskName(raiser.DisplayName))
            : "居民";
        var now = clock.GetUtcNow().UtcDateTime;
        var communityName = community?.DisplayName ?? "";

        string ActorOf(NeedEvent e)
        {
            if (e.ActorId is null)
            {
                return "居民";
            }

            if (staffIds.Contains(e.ActorId.Value))
            {
                // Staff answer in the community's name; a person's account is not the point of the timeline.
                return communityName;
            }

            return e.ActorId == need.RaiserId ? raiserName : "居民";
        }

        // The n-th rating event is the n-th rating: show its verdict beside it.
        var verdicts = new Queue<string>(need.Ratings.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => NeedText.SatisfactionKey(r.Satisfaction)));
        string? DetailOf(NeedEvent e) => e.Kind == NeedEventKind.Rated && verdicts.TryDequeue(out var v) ? v : null;

        return new NeedDetails(
            need.Id, community?.Code ?? "", communityName, category.Code, category.DisplayName, need.Title, need.Description, need.Address,
            need.Latitude, need.Longitude, NeedText.StatusCode(need.Status), NeedText.StatusKey(need.Status), need.Channel.ToString(), raiserName,
            need.SubmittedAt, need.RespondBy, need.ResolveBy, need.FirstRespondedAt, need.ResolvedAt,
            need.IsResponseOverdue(now), need.IsResolutionOverdue(now), need.SupportCount, need.ResolutionText, need.RejectionReason,
            need.MergedIntoId, photos,
            [.. need.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TimelineEntry(e.At, e.Kind.ToString(), NeedEvent.KindKey(e.Kind), e.Text, ActorOf(e), DetailOf(e)))])
        {
            RaiserId = need.RaiserId,
            CommunityId = need.CommunityId,
            ProjectId = need.ProjectId,
        };
    }
}
