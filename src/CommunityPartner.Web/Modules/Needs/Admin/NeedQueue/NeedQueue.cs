using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.Admin.NeedQueue;

public sealed record QueueItem(Guid Id, string Title, string Status, string StatusKey, string Category, DateTime SubmittedAt,
    DateTime Deadline, string DeadlineKind, bool Overdue, int SupportCount, int ReopenCount);

/// <summary>
/// A community's open needs, most urgent first: the next deadline each one faces (first response until answered,
/// then resolution), earliest first, so anything overdue heads the list.
/// </summary>
public sealed class NeedQueueHandler(AppDbContext db, TimeProvider clock)
{
    public const int Max = 200;

    public async Task<IReadOnlyList<QueueItem>> ListAsync(Guid communityId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var categories = await db.Set<NeedCategory>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
        var rows = await db.Set<Need>().AsNoTracking()
            .Where(n => n.CommunityId == communityId
                && (n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Responded || n.Status == NeedStatus.InProgress))
            .OrderBy(n => n.FirstRespondedAt == null ? n.RespondBy : n.ResolveBy)
            .ThenByDescending(n => n.SupportCount)
            .Take(Max)
            .Select(n => new { n.Id, n.Title, n.Status, n.CategoryId, n.SubmittedAt, n.RespondBy, n.ResolveBy, n.FirstRespondedAt, n.SupportCount, n.ReopenCount })
            .ToListAsync(ct);
        return [.. rows.Select(n =>
        {
            var awaitingResponse = n.FirstRespondedAt is null;
            var deadline = awaitingResponse ? n.RespondBy : n.ResolveBy;
            return new QueueItem(n.Id, n.Title, NeedText.StatusCode(n.Status), NeedText.StatusKey(n.Status), categories.GetValueOrDefault(n.CategoryId, ""),
                n.SubmittedAt, deadline, awaitingResponse ? "回应时限" : "办结时限", now > deadline, n.SupportCount, n.ReopenCount);
        })];
    }
}
