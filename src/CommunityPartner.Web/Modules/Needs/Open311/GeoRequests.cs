using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.Open311;

/// <summary>GET requests' arguments, already checked. <see cref="Ids"/>, when given, overrides every other filter.</summary>
public sealed record GeoRequestQuery(
    Guid? CommunityId, IReadOnlyList<Guid>? Ids, IReadOnlyList<Guid>? CategoryIds, IReadOnlyList<NeedStatus>? Statuses, DateTime From, DateTime To);

/// <summary>
/// Needs as GeoReport service requests. The facts are the ones the need page and /api/v1/needs/{id} show (NeedReader):
/// the same title, description, address, point, category and community names, resolution text and rejection reason.
/// Nothing about the raiser is ever part of it. One query serves a list of up to 1,000, so it projects only what
/// GeoReport needs instead of building each need's full timeline.
/// </summary>
public sealed class GeoRequests(AppDbContext db, ICommunityDirectory communities, IStringLocalizer<SharedResource> text)
{
    public const int MaxRequests = 1000;
    public const int MaxDays = 90;

    private sealed record Row(
        Guid Id, Guid CommunityId, Guid CategoryId, string Title, string Description, string Address, double? Latitude, double? Longitude,
        NeedStatus Status, DateTime SubmittedAt, DateTime ResolveBy, DateTime? UpdatedAt, string? ResolutionText, string? RejectionReason,
        Guid? MergedIntoId, Guid? PhotoId);

    public async Task<IReadOnlyList<GeoObject>> ListAsync(GeoRequestQuery query, string baseUrl, CancellationToken ct)
    {
        var needs = db.Set<Need>().AsNoTracking();
        if (query.CommunityId is { } community)
        {
            needs = needs.Where(n => n.CommunityId == community);
        }

        if (query.Ids is { } ids)
        {
            needs = needs.Where(n => ids.Contains(n.Id));
        }
        else
        {
            if (query.CategoryIds is { Count: > 0 } categories)
            {
                needs = needs.Where(n => categories.Contains(n.CategoryId));
            }

            if (query.Statuses is { Count: > 0 } statuses)
            {
                needs = needs.Where(n => statuses.Contains(n.Status));
            }

            needs = needs.Where(n => n.SubmittedAt >= query.From && n.SubmittedAt <= query.To);
        }

        var rows = await needs
            .OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id)
            .Take(MaxRequests)
            .Select(n => new Row(
                n.Id, n.CommunityId, n.CategoryId, n.Title, n.Description, n.Address, n.Latitude, n.Longitude, n.Status, n.SubmittedAt,
                n.ResolveBy, n.Events.Max(e => (DateTime?)e.At), n.ResolutionText, n.RejectionReason, n.MergedIntoId,
                db.Set<NeedPhoto>().Where(p => p.NeedId == n.Id).OrderBy(p => p.At).ThenBy(p => p.Id).Select(p => (Guid?)p.Id).FirstOrDefault()))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var communityNames = (await communities.ListAsync(ct)).ToDictionary(c => c.Id, c => c.DisplayName);
        var categoryList = await db.Set<NeedCategory>().AsNoTracking().ToListAsync(ct);
        var categoryById = categoryList.ToDictionary(c => c.Id);
        return [.. rows.Select(r => ToGeo(r, categoryById[r.CategoryId], communityNames.GetValueOrDefault(r.CommunityId, ""), baseUrl))];
    }

    public async Task<GeoObject?> FindAsync(Guid id, Guid? communityId, string baseUrl, CancellationToken ct) =>
        (await ListAsync(new GeoRequestQuery(communityId, [id], null, null, default, default), baseUrl, ct)).SingleOrDefault();

    /// <summary>submitted, responded and in progress are open; resolved, rated, rejected and merged are closed.</summary>
    public static bool IsOpen(NeedStatus status) => status is NeedStatus.Submitted or NeedStatus.Responded or NeedStatus.InProgress;

    public static IReadOnlyList<NeedStatus> StatusesOf(bool open) =>
        [.. Enum.GetValues<NeedStatus>().Where(s => IsOpen(s) == open)];

    /// <summary>
    /// GeoReport has one free text; ours has a title and a description. The title heads the text, unless the
    /// description already starts with it (as it does for needs that came in through Open311).
    /// </summary>
    public static string DescriptionOf(string title, string description) =>
        description.StartsWith(title, StringComparison.Ordinal) ? description : $"{title}\n\n{description}";

    private GeoObject ToGeo(Row r, NeedCategory category, string communityName, string baseUrl)
    {
        var open = IsOpen(r.Status);
        return new GeoObject
        {
            { "service_request_id", r.Id.ToString("D") },
            { "status", open ? "open" : "closed" },
            { "status_notes", StatusNotes(r) },
            { "service_name", category.DisplayName },
            { "service_code", category.Code },
            { "description", DescriptionOf(r.Title, r.Description) },
            { "agency_responsible", communityName },
            { "service_notice", null },
            { "requested_datetime", GeoTime.Format(r.SubmittedAt) },
            { "updated_datetime", GeoTime.Format(r.UpdatedAt ?? r.SubmittedAt) },
            { "expected_datetime", open ? GeoTime.Format(r.ResolveBy) : null },
            { "address", r.Address },
            { "address_id", null },
            { "zipcode", null },
            { "lat", r.Latitude },
            { "long", r.Longitude },

            // A rejected need's photos are not public (the photo handler refuses them), so no link is offered.
            { "media_url", r.PhotoId is { } photo && r.Status != NeedStatus.Rejected ? $"{baseUrl}/needs/{r.Id:D}/photos/{photo:D}" : null },
        };
    }

    /// <summary>Why the request is where it is: what was done, why it was refused, where it went; our finer state while open.</summary>
    private string StatusNotes(Row r) => r.Status switch
    {
        NeedStatus.Resolved or NeedStatus.Rated => r.ResolutionText ?? "",
        NeedStatus.Rejected => r.RejectionReason ?? "",
        NeedStatus.Merged => text["已合并到诉求 {0}", r.MergedIntoId?.ToString("D") ?? ""],
        _ => text[NeedText.StatusKey(r.Status)],
    };
}
