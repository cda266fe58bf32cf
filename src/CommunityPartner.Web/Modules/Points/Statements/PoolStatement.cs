using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Statements;

/// <summary>A community pool's statement: what it issued (awards, drop-offs, corrections), what came back by expiry, and what is outstanding.</summary>
public sealed record PoolStatementDto(Guid CommunityId, long Awarded, long DroppedOff, long Corrected, long Expired, long Outstanding);

public sealed class PoolStatementReader(AppDbContext db)
{
    public async Task<PoolStatementDto> ReadAsync(Guid communityId, CancellationToken ct)
    {
        var pool = await db.Set<PointsAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Kind == AccountKind.CommunityPool && a.OwnerId == communityId, ct);
        if (pool is null)
        {
            return new PoolStatementDto(communityId, 0, 0, 0, 0, 0);
        }

        var outgoing = await db.Set<PointsTransfer>().Where(t => t.FromAccountId == pool.Id).GroupBy(t => t.Kind)
            .Select(g => new { g.Key, Sum = g.Sum(t => t.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var incoming = await db.Set<PointsTransfer>().Where(t => t.ToAccountId == pool.Id).GroupBy(t => t.Kind)
            .Select(g => new { g.Key, Sum = g.Sum(t => t.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        return new PoolStatementDto(
            communityId,
            outgoing.GetValueOrDefault(TransferKind.Award),
            outgoing.GetValueOrDefault(TransferKind.Dropoff),
            outgoing.GetValueOrDefault(TransferKind.Correction) - incoming.GetValueOrDefault(TransferKind.Correction),
            incoming.GetValueOrDefault(TransferKind.Expiry),
            -pool.Balance);
    }
}

public static class PoolStatementEndpoint
{
    public static RouteGroupBuilder MapPoolStatement(this RouteGroupBuilder api)
    {
        api.MapGet("/communities/{code}/points/statement", async Task<IResult> (string code, ICommunityDirectory communities, PoolStatementReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await communities.FindByCodeAsync(code, ct) is { } community
                ? TypedResults.Ok(await reader.ReadAsync(community.Id, ct))
                : ApiResults.Problem(StatusCodes.Status404NotFound, text["未找到这个社区"]))
        .RequireCommunityScope("community", "code")
        .WithName("PoolStatement")
        .WithSummary("A community pool's statement for its staff: points awarded, paid for drop-offs, corrected, expired back, and outstanding (issued net of expiry).")
        .WithTags("Points")
        .Produces<PoolStatementDto>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
