using System.Globalization;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPartner.Web.Modules.Points.Expiry;

/// <summary>
/// Points expire the months the district admin set (<see cref="PointsSetting"/>; the configured
/// <see cref="PointsOptions.ExpiryMonths"/> until then) after they were earned, oldest first: what a resident earned
/// up to the cutoff, less everything they have spent or lost since they started (holds and expiries, net of refunds),
/// goes back to the pool it came from as an <see cref="TransferKind.Expiry"/> transfer. Residents are told a month ahead.
/// </summary>
public sealed class PointsExpiry(AppDbContext db, PointsLedger ledger, INotifier notifier, AuditLog audit, TimeProvider clock, IOptions<PointsOptions> options)
{
    private static readonly TransferKind[] Earnings = [TransferKind.Award, TransferKind.Dropoff, TransferKind.Correction];

    /// <summary>Expires what is due on every resident account; the scheduler and `points expire` call it. Returns the accounts touched.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var cutoff = await CutoffAsync(clock.GetUtcNow().UtcDateTime, ct);
        var expired = 0;
        foreach (var account in await CandidatesAsync(cutoff, ct))
        {
            if ((await ExpireAccountAsync(account, cutoff, ct)).IsOk)
            {
                expired++;
            }
        }

        return expired;
    }

    /// <summary>Tells each resident, once per month, how many points will expire within the next month.</summary>
    public async Task<int> WarnAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var month = DistrictTime.Month(now.AddMonths(1));
        var warned = 0;
        foreach (var account in await CandidatesAsync(await CutoffAsync(now.AddMonths(1), ct), ct))
        {
            var soon = await ExpiringByAsync(account, now.AddMonths(1), ct);
            if (soon <= 0 || await db.Set<ExpiryNotice>().AnyAsync(n => n.AccountId == account && n.Month == month, ct))
            {
                continue;
            }

            var owner = await db.Set<PointsAccount>().Where(a => a.Id == account).Select(a => a.OwnerId).FirstAsync(ct);
            db.Add(ExpiryNotice.Sent(account, month, now));
            notifier.Notify([owner], "您有 {0} 积分将在一个月内过期，请尽快兑换", "/points", [soon.ToString(CultureInfo.InvariantCulture)]);
            try
            {
                await db.SaveChangesAsync(ct);
                warned++;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                db.ChangeTracker.Clear(); // another instance warned first
            }
        }

        return warned;
    }

    /// <summary>Points of the account that will have expired by <paramref name="at"/> (0 when none).</summary>
    public async Task<long> ExpiringByAsync(Guid account, DateTime at, CancellationToken ct)
    {
        var cutoff = await CutoffAsync(at, ct);
        var earned = await db.Set<PointsTransfer>().Where(t => t.ToAccountId == account && Earnings.Contains(t.Kind) && t.At <= cutoff).SumAsync(t => t.Amount, ct);
        var spent = await db.Set<PointsTransfer>().Where(t => t.FromAccountId == account).SumAsync(t => t.Amount, ct);
        var refunded = await db.Set<PointsTransfer>().Where(t => t.ToAccountId == account && t.Kind == TransferKind.Refund).SumAsync(t => t.Amount, ct);
        return Math.Max(0, earned - (spent - refunded));
    }

    private async Task<DateTime> CutoffAsync(DateTime now, CancellationToken ct)
    {
        var months = await db.Set<PointsSetting>().AsNoTracking().Where(s => s.Id == PointsSetting.Id1).Select(s => (int?)s.ExpiryMonths).FirstOrDefaultAsync(ct);
        return now.AddMonths(-(months ?? options.Value.ExpiryMonths));
    }

    private async Task<List<Guid>> CandidatesAsync(DateTime cutoff, CancellationToken ct) =>
        await db.Set<PointsAccount>().Where(a => a.Kind == AccountKind.Resident && a.Balance > 0
                && db.Set<PointsTransfer>().Any(t => t.ToAccountId == a.Id && t.At <= cutoff))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(1000).ToListAsync(ct);

    private async Task<Result<long>> ExpireAccountAsync(Guid account, DateTime cutoff, CancellationToken ct)
    {
        var day = DistrictTime.Date(cutoff);
        var key = $"expiry:{account:N}:{day}";
        var hash = Idempotency.Hash("expiry", account, day);
        return await ledger.ExecuteAsync<long>(key, hash, async c =>
        {
            // Take the account's row lock first: holds debit the same row, so the sums below cannot move under us.
            await db.Set<PointsAccount>().Where(a => a.Id == account).ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance), c);
            var due = await ExpiringByAsync(account, clock.GetUtcNow().UtcDateTime, c);
            var pool = await db.Set<PointsTransfer>().Where(t => t.ToAccountId == account && Earnings.Contains(t.Kind) && t.At <= cutoff)
                .OrderByDescending(t => t.Id).Select(t => t.FromAccountId).FirstOrDefaultAsync(c);
            if (due <= 0 || pool == Guid.Empty)
            {
                return Result<long>.Conflict("没有到期的积分");
            }

            if (!await ledger.PostAsync(new TransferOrder(account, pool, due, TransferKind.Expiry, "expiry-run", day, null, null, key, hash), c))
            {
                return Result<long>.Conflict("没有到期的积分");
            }

            audit.Record("points.expire", nameof(PointsAccount), account, null, new { Points = due, Cutoff = day });
            await db.SaveChangesAsync(c);
            return due;
        }, (first, _) => Task.FromResult(Result<long>.Ok(first.Amount)), ct);
    }
}
