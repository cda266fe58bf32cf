using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation.Overdue;

/// <summary>
/// Overdue pledges (逾期未兑现): a signed intent whose signed version's due date (district date) has passed while some
/// line is not delivered by confirmed deliveries (<see cref="LineFulfilment"/>). Both sides are told once per signed
/// version: the version records when they were told, guarded by the intent's Version token against a second runner.
/// </summary>
public sealed class OverdueIntents(
    AppDbContext db, CooperationPeople people, IPartnerRoster partners, IProjectMatching projects, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    /// <summary>Which of the given signed intents are overdue now, with their due dates.</summary>
    public static async Task<Dictionary<Guid, DateOnly>> FlagsAsync(AppDbContext db, IReadOnlyCollection<CooperationIntent> intents, DateTime now, CancellationToken ct)
    {
        var today = Offer.Today(now);
        var candidates = intents.Where(i => i.SignedVersion is { DueOn: { } due } && due < today).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var delivered = await LineFulfilment.DeliveredByLineAsync(db, [.. candidates.Select(i => i.Id)], ct);
        return candidates.Where(i => i.IsOverdue(today, l => LineFulfilment.IsDelivered(l, delivered.GetValueOrDefault(l.Id))))
            .ToDictionary(i => i.Id, i => i.SignedVersion!.DueOn!.Value);
    }

    /// <summary>Overdue flags of the signed intents of the given offers, keyed by offer id.</summary>
    public static async Task<Dictionary<Guid, DateOnly>> FlagsByOfferAsync(AppDbContext db, IReadOnlyCollection<Guid> offerIds, DateTime now, CancellationToken ct)
    {
        var intents = await db.Set<CooperationIntent>().AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Lines).AsSplitQuery()
            .Where(i => offerIds.Contains(i.OfferId) && i.SignedNumber != null && !i.IsVoid).ToListAsync(ct);
        var flags = await FlagsAsync(db, intents, now, ct);
        return intents.Where(i => flags.ContainsKey(i.Id)).ToDictionary(i => i.OfferId, i => flags[i.Id]);
    }

    /// <summary>
    /// The scheduled job's work: every newly overdue intent is marked, audited (cooperation.intent.overdue) and both
    /// sides notified — the partner's members and the community's staff. Returns how many intents were newly flagged.
    /// </summary>
    public async Task<int> NotifyNewlyOverdueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Offer.Today(now);
        var ids = await db.Set<CooperationIntent>().AsNoTracking()
            .Where(i => i.SignedNumber != null && !i.IsVoid
                && i.Versions.Any(v => v.Number == i.SignedNumber && v.DueOn != null && v.DueOn < today && v.OverdueNotifiedAt == null))
            .Select(i => i.Id).ToListAsync(ct);
        var count = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var intent = await db.Set<CooperationIntent>().Include(i => i.Versions).ThenInclude(v => v.Lines).AsSplitQuery().SingleAsync(i => i.Id == id, ct);
            var delivered = await LineFulfilment.DeliveredByLineAsync(db, [id], ct);
            if (!intent.IsOverdue(today, l => LineFulfilment.IsDelivered(l, delivered.GetValueOrDefault(l.Id))))
            {
                continue;
            }

            var before = intent.Snapshot();
            try
            {
                intent.MarkOverdueNotified(now);
            }
            catch (DomainException)
            {
                continue;
            }

            audit.Record("cooperation.intent.overdue", nameof(CooperationIntent), intent.Id, before, intent.Snapshot(), intent.CommunityId);
            var partner = await partners.FindAsync(intent.PartnerId, ct);
            var project = await projects.FindWithAsksAsync(intent.ProjectId, ct);
            var due = Offer.DueText(intent.SignedVersion!.DueOn!.Value);
            notifier.Notify([.. await people.StaffOfAsync(intent.CommunityId, ct), .. partner?.MemberIds ?? []],
                "“{0}”为项目“{1}”承诺的出力已过兑现期限（{2}）仍未全部兑现，请双方尽快沟通", $"/intents/{intent.Id}",
                [partner?.Name ?? "", project?.Brief.Title ?? "", due]);
            try
            {
                await db.SaveChangesAsync(ct);
                count++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another runner (or a confirmation) changed the intent at the same moment: the next run decides.
            }
        }

        db.ChangeTracker.Clear();
        return count;
    }
}

/// <summary>Every hour, tells both sides of newly overdue intents (<see cref="OverdueIntents.NotifyNewlyOverdueAsync"/>).</summary>
internal sealed partial class OverdueScheduler(IServiceScopeFactory scopes, ILogger<OverdueScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var flagged = await scope.ServiceProvider.GetRequiredService<OverdueIntents>().NotifyNewlyOverdueAsync(stoppingToken);
                if (flagged > 0)
                {
                    LogFlagged(flagged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Flagged {Count} overdue cooperation intents")]
    private partial void LogFlagged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overdue-intents job failed; retrying next hour")]
    private partial void LogFailed(Exception exception);
}
