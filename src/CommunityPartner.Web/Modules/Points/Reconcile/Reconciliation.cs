using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Reconcile;

/// <summary>The figures of one reconciliation run and every break it found (empty = the ledger balances).</summary>
public sealed record ReconcileReport(
    int Accounts, int Transfers, long Issued, long Redeemed, long Expired, long ResidentBalances, long HeldBalances,
    long MerchantBalances, long PoolBalances, long TotalOfBalances, IReadOnlyList<string> Breaks)
{
    public bool IsClean => Breaks.Count == 0;
}

/// <summary>
/// Checks the ledger against itself: each balance equals the sum of its movements; all balances add up to zero (a pool's
/// negative balance is what it issued); no resident, merchant or held balance is below zero; and
/// issued − redeemed − expired = residents' balances + held.
/// </summary>
public sealed class Reconciliation(AppDbContext db)
{
    public async Task<ReconcileReport> RunAsync(CancellationToken ct)
    {
        var accounts = await db.Set<PointsAccount>().AsNoTracking().Select(a => new { a.Id, a.Kind, a.Balance }).ToListAsync(ct);
        var transfers = db.Set<PointsTransfer>().AsNoTracking();
        var incoming = await transfers.GroupBy(t => t.ToAccountId).Select(g => new { g.Key, Sum = g.Sum(t => t.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var outgoing = await transfers.GroupBy(t => t.FromAccountId).Select(g => new { g.Key, Sum = g.Sum(t => t.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var count = await transfers.CountAsync(ct);
        var flows = await (from t in transfers
                           join f in db.Set<PointsAccount>() on t.FromAccountId equals f.Id
                           join d in db.Set<PointsAccount>() on t.ToAccountId equals d.Id
                           group t by new { From = f.Kind, To = d.Kind, t.Kind } into g
                           select new { g.Key.From, g.Key.To, g.Key.Kind, Sum = g.Sum(t => t.Amount) }).ToListAsync(ct);

        var breaks = new List<string>();
        foreach (var a in accounts)
        {
            var movements = incoming.GetValueOrDefault(a.Id) - outgoing.GetValueOrDefault(a.Id);
            if (movements != a.Balance)
            {
                breaks.Add($"account {a.Id} ({a.Kind}): balance {a.Balance} but movements sum to {movements}");
            }

            if (a.Kind != AccountKind.CommunityPool && a.Balance < 0)
            {
                breaks.Add($"account {a.Id} ({a.Kind}): balance {a.Balance} is below zero");
            }
        }

        static bool ResidentSide(AccountKind k) => k is AccountKind.Resident or AccountKind.Held;
        long Sum(Func<AccountKind, AccountKind, TransferKind, bool> match) => flows.Where(f => match(f.From, f.To, f.Kind)).Sum(f => f.Sum);
        long Balances(AccountKind kind) => accounts.Where(a => a.Kind == kind).Sum(a => a.Balance);

        // Points enter residents' hands from a pool; expiry sends them back; redemption sends them on to merchants.
        var issued = Sum((f, t, k) => f == AccountKind.CommunityPool && ResidentSide(t)) - Sum((f, t, k) => ResidentSide(f) && t == AccountKind.CommunityPool && k != TransferKind.Expiry);
        var expired = Sum((f, t, k) => ResidentSide(f) && t == AccountKind.CommunityPool && k == TransferKind.Expiry);
        var redeemed = Sum((f, t, k) => ResidentSide(f) && t == AccountKind.Merchant) - Sum((f, t, k) => f == AccountKind.Merchant && ResidentSide(t));
        var residents = Balances(AccountKind.Resident);
        var held = Balances(AccountKind.Held);
        var total = accounts.Sum(a => a.Balance);
        if (total != 0)
        {
            breaks.Add($"all balances add up to {total}, not 0");
        }

        if (issued - redeemed - expired != residents + held)
        {
            breaks.Add($"issued {issued} - redeemed {redeemed} - expired {expired} = {issued - redeemed - expired}, but residents hold {residents} + held {held} = {residents + held}");
        }

        return new ReconcileReport(accounts.Count, count, issued, redeemed, expired, residents, held,
            Balances(AccountKind.Merchant), Balances(AccountKind.CommunityPool), total, breaks);
    }
}
