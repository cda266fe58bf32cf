using CommunityPartner.Web.Modules.Points.Expiry;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Spending;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Passbook;

/// <summary>One line of the passbook: how a transfer changed the resident's spendable and held points.</summary>
public sealed record PassbookLine(long Id, DateTime At, string Kind, long Change, long HeldChange, string ReferenceType, string ReferenceId, string? Reason);

public sealed record PendingRedemption(string Code, string ItemName, long Points, DateTime ExpiresAt);

public sealed record PassbookDto(long Balance, long Held, long ExpiringWithinMonth, IReadOnlyList<PassbookLine> Movements, long? NextBefore);

/// <summary>积分存折: a resident's balance, held points and every movement, newest first (keyset on the transfer id).</summary>
public sealed class PassbookReader(AppDbContext db, PointsExpiry expiry, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<PassbookDto> ReadAsync(Guid userId, long? before, CancellationToken ct)
    {
        var accounts = await db.Set<PointsAccount>().AsNoTracking()
            .Where(a => a.OwnerId == userId && (a.Kind == AccountKind.Resident || a.Kind == AccountKind.Held)).ToListAsync(ct);
        var own = accounts.FirstOrDefault(a => a.Kind == AccountKind.Resident);
        var held = accounts.FirstOrDefault(a => a.Kind == AccountKind.Held);
        var ids = accounts.Select(a => a.Id).ToList();
        if (ids.Count == 0)
        {
            return new PassbookDto(0, 0, 0, [], null);
        }

        var page = await db.Set<PointsTransfer>().AsNoTracking()
            .Where(t => (ids.Contains(t.FromAccountId) || ids.Contains(t.ToAccountId)) && (before == null || t.Id < before))
            .OrderByDescending(t => t.Id).Take(PageSize + 1).ToListAsync(ct);
        var lines = page.Take(PageSize).Select(t => new PassbookLine(
            t.Id, t.At, t.Kind.ToString().ToLowerInvariant(),
            Delta(t, own?.Id), Delta(t, held?.Id), t.ReferenceType, t.ReferenceId, t.Reason)).ToList();
        var expiring = own is null ? 0 : await expiry.ExpiringByAsync(own.Id, clock.GetUtcNow().UtcDateTime.AddMonths(1), ct);
        return new PassbookDto(own?.Balance ?? 0, held?.Balance ?? 0, expiring, lines, page.Count > PageSize ? lines[^1].Id : null);
    }

    /// <summary>The resident's codes still waiting for the merchant's counter, soonest to expire first.</summary>
    public async Task<IReadOnlyList<PendingRedemption>> PendingAsync(Guid userId, CancellationToken ct) =>
        await (from r in db.Set<Redemption>().AsNoTracking()
               join i in db.Set<MerchantItem>() on r.ItemId equals i.Id
               where r.ResidentId == userId && r.Status == RedemptionStatus.Pending
               orderby r.ExpiresAt
               select new PendingRedemption(r.Code, i.Name, r.Points, r.ExpiresAt)).Take(50).ToListAsync(ct);

    public static string KindKey(string kind) => kind switch
    {
        "award" => "活动奖励",
        "dropoff" => "回收投放",
        "redemption" => "兑换完成",
        "refund" => "兑换退回",
        "expiry" => "积分过期",
        "correction" => "更正",
        "hold" => "兑换冻结",
        _ => kind,
    };

    private static long Delta(PointsTransfer t, Guid? account) =>
        account is null ? 0 : t.ToAccountId == account ? t.Amount : t.FromAccountId == account ? -t.Amount : 0;
}
