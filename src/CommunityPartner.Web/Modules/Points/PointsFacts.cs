using CommunityPartner.Web.Modules.Points.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Tally;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points;

/// <inheritdoc cref="IPointsFacts"/>
internal sealed class PointsFacts(AppDbContext db) : IPointsFacts
{
    private static readonly TransferKind[] Counted = [TransferKind.Award, TransferKind.Dropoff, TransferKind.Redemption];

    public async Task<IReadOnlyList<PointsMove>> IssuedAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await (from t in db.Set<PointsTransfer>().AsNoTracking()
                          join pool in db.Set<PointsAccount>().AsNoTracking() on t.FromAccountId equals pool.Id
                          join to in db.Set<PointsAccount>().AsNoTracking() on t.ToAccountId equals to.Id
                          where (t.Kind == TransferKind.Award || t.Kind == TransferKind.Dropoff) && t.At >= fromUtc && t.At < toUtc
                              && pool.Kind == AccountKind.CommunityPool && (communityId == null || pool.OwnerId == communityId)
                              && to.Kind == AccountKind.Resident
                          select new { t.Id, to.OwnerId, t.Kind, t.Amount, t.At }).ToListAsync(ct);
        return [.. rows.Select(r => new PointsMove(r.Id, r.OwnerId, Code(r.Kind), r.Amount, r.At)).OrderByDescending(m => m.TransferId)];
    }

    public async Task<IReadOnlyList<PointsMove>> RedeemedAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await (from t in db.Set<PointsTransfer>().AsNoTracking()
                          join held in db.Set<PointsAccount>().AsNoTracking() on t.FromAccountId equals held.Id
                          join u in db.Users.AsNoTracking() on held.OwnerId equals u.Id
                          where t.Kind == TransferKind.Redemption && t.At >= fromUtc && t.At < toUtc && held.Kind == AccountKind.Held
                              && (communityId == null || u.CommunityId == communityId)
                          select new { t.Id, held.OwnerId, t.Kind, t.Amount, t.At }).ToListAsync(ct);
        return [.. rows.Select(r => new PointsMove(r.Id, r.OwnerId, Code(r.Kind), r.Amount, r.At)).OrderByDescending(m => m.TransferId)];
    }

    public async Task<PointsFigures> FiguresAsync(Guid? communityId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        if (MonthOf(fromUtc) is not { } from || MonthOf(toUtc) is not { } to || ActiveSpans.Of(from, to) is not { } span)
        {
            var issued = await IssuedAsync(communityId, fromUtc, toUtc, ct);
            var redeemed = await RedeemedAsync(communityId, fromUtc, toUtc, ct);
            return new(issued.Sum(m => m.Points), issued.Count, redeemed.Sum(m => m.Points), redeemed.Count, issued.Select(m => m.ResidentId).Distinct().Count());
        }

        var sums = await db.Set<PointsMonthly>().AsNoTracking()
            .Where(m => m.Month >= from && m.Month < to && (communityId == null || m.CommunityId == communityId))
            .GroupBy(m => m.Kind == TransferKind.Redemption)
            .Select(g => new { Redeemed = g.Key, Points = g.Sum(m => m.Points), Transfers = g.Sum(m => m.Transfers) })
            .ToListAsync(ct);

        // One key range, no DISTINCT: a community's month is its points_active rows; every other period is its span rows.
        var active = communityId is { } community && span == from
            ? await db.Set<PointsActive>().AsNoTracking().CountAsync(a => a.CommunityId == community && a.Month == span, ct)
            : await db.Set<PointsActiveSpan>().AsNoTracking().CountAsync(a => a.ScopeId == (communityId ?? PointsActiveSpan.District) && a.Span == span, ct);
        var (i, r) = (sums.FirstOrDefault(s => !s.Redeemed), sums.FirstOrDefault(s => s.Redeemed));
        return new(i?.Points ?? 0, (int)(i?.Transfers ?? 0), r?.Points ?? 0, (int)(r?.Transfers ?? 0), active);
    }

    /// <summary>The Beijing month starting at <paramref name="utc"/> as yyyymm, or null when it is not a Beijing month's first instant.</summary>
    internal static int? MonthOf(DateTime utc)
    {
        var local = DistrictTime.Of(utc);
        return local.Day == 1 && local.TimeOfDay == TimeSpan.Zero ? (local.Year * 100) + local.Month : null;
    }

    public async Task<IReadOnlyList<PointsMove>> TransfersAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await (from t in db.Set<PointsTransfer>().AsNoTracking()
                          join src in db.Set<PointsAccount>().AsNoTracking() on t.FromAccountId equals src.Id
                          join to in db.Set<PointsAccount>().AsNoTracking() on t.ToAccountId equals to.Id
                          where ids.Contains(t.Id) && Counted.Contains(t.Kind)
                          select new { t.Id, Resident = t.Kind == TransferKind.Redemption ? src.OwnerId : to.OwnerId, t.Kind, t.Amount, t.At }).ToListAsync(ct);
        return [.. rows.Select(r => new PointsMove(r.Id, r.Resident, Code(r.Kind), r.Amount, r.At)).OrderByDescending(m => m.TransferId)];
    }

    public async Task<IReadOnlyList<ResidentBrief>> ResidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. ids.Select(id => new ResidentBrief(id, PersonalData.MaskName(names.GetValueOrDefault(id))))];
    }

    private static string Code(TransferKind kind) => kind switch
    {
        TransferKind.Award => "award",
        TransferKind.Dropoff => "dropoff",
        _ => "redemption",
    };
}
