using CommunityPartner.Web.Modules.Points.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points;

/// <inheritdoc cref="IPointsStatement"/>
internal sealed class PointsStatement(AppDbContext db) : IPointsStatement
{
    public async Task<PointsSummary> OfPersonAsync(Guid userId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var accounts = await db.Set<PointsAccount>().AsNoTracking()
            .Where(a => a.OwnerId == userId && (a.Kind == AccountKind.Resident || a.Kind == AccountKind.Held))
            .Select(a => a.Id).ToListAsync(ct);
        if (accounts.Count == 0)
        {
            return new PointsSummary(0, 0, 0);
        }

        var transfers = await db.Set<PointsTransfer>().AsNoTracking()
            .Where(t => t.At >= fromUtc && t.At < toUtc && (accounts.Contains(t.FromAccountId) || accounts.Contains(t.ToAccountId)))
            .Select(t => new { t.Kind, t.Amount, Incoming = accounts.Contains(t.ToAccountId), Outgoing = accounts.Contains(t.FromAccountId) })
            .ToListAsync(ct);
        return new PointsSummary(
            transfers.Where(t => t.Kind is TransferKind.Award or TransferKind.Dropoff && t.Incoming).Sum(t => t.Amount),
            transfers.Where(t => t.Kind == TransferKind.Redemption && t.Outgoing).Sum(t => t.Amount),
            transfers.Where(t => t.Kind == TransferKind.Expiry && t.Outgoing).Sum(t => t.Amount));
    }
}
