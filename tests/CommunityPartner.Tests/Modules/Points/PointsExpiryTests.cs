using System.Security.Claims;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Notifications;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Points.Earning.AwardPoints;
using CommunityPartner.Web.Modules.Points.Expiry;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>Points expire 36 months after they were earned, oldest first; points held by a code are not expired; residents are warned once a month ahead.</summary>
public abstract class PointsExpiryTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task Expire_OldPointsGoOldestFirst_NewerAndHeldPointsStay()
    {
        var world = await _points.WorldAsync(points: 30);
        var (resident, client) = await _points.ResidentAsync(world);
        await PointsTestData.RedeemAsync(client, await PointsTestData.ItemAsync(world, price: 10, stock: 1));
        await AwardLaterAsync(world, resident, TimeSpan.FromDays(365));

        Assert.True(await RunAsync(TimeSpan.FromDays((36 * 31) + 2), e => e.ExpireDueAsync(CancellationToken.None)) >= 1);
        await RunAsync(TimeSpan.FromDays((36 * 31) + 2), e => e.ExpireDueAsync(CancellationToken.None));

        Assert.Equal((30L, 10L, 4), await PointsTestData.PassbookAsync(client)); // 30 + 30 - 10 held - 20 expired
        var expiries = await _points.QueryAsync(db => (
            from t in db.Set<PointsTransfer>()
            join a in db.Set<PointsAccount>() on t.FromAccountId equals a.Id
            where a.OwnerId == resident.Id && t.Kind == TransferKind.Expiry
            select t.Amount).ToListAsync());
        Assert.Equal([20L], expiries);
        Assert.Empty((await _points.ReconcileAsync()).Breaks);
    }

    [Fact]
    public async Task Warn_AMonthAhead_TellsTheResidentOnce()
    {
        var world = await _points.WorldAsync(points: 12);
        var (resident, _) = await _points.ResidentAsync(world);
        var ahead = TimeSpan.FromDays((36 * 30.5) - 20);

        await RunAsync(ahead, e => e.WarnAsync(CancellationToken.None));
        await RunAsync(ahead, e => e.WarnAsync(CancellationToken.None));

        var notes = await _points.QueryAsync(db => db.Set<Notification>().Where(n => n.UserId == resident.Id).ToListAsync());
        var note = Assert.Single(notes);
        Assert.Equal("您有 {0} 积分将在一个月内过期，请尽快兑换", note.TextKey);
        Assert.Equal(["12"], note.Args);
    }

    /// <summary>Runs the expiry as the scheduler would at a later time, without moving the shared test clock.</summary>
    private async Task<int> RunAsync(TimeSpan later, Func<PointsExpiry, Task<int>> run)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var db = s.GetRequiredService<AppDbContext>();
        var clock = new FakeTimeProvider(factory.Clock.GetUtcNow() + later);
        var expiry = new PointsExpiry(db, new PointsLedger(db, clock), s.GetRequiredService<INotifier>(),
            new AuditLog(db, s.GetRequiredService<IHttpContextAccessor>(), clock), clock, s.GetRequiredService<IOptions<PointsOptions>>());
        return await run(expiry);
    }

    private async Task AwardLaterAsync(PointsWorld world, UserRef resident, TimeSpan later)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var db = s.GetRequiredService<AppDbContext>();
        var clock = new FakeTimeProvider(factory.Clock.GetUtcNow() + later);
        var handler = new AwardPointsHandler(db, new PointsLedger(db, clock), new AuditLog(db, s.GetRequiredService<IHttpContextAccessor>(), clock), clock);
        var staff = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, world.Staff.Id.ToClaimValue()), new Claim(ClaimTypes.Role, Roles.CommunityStaff), new Claim(AppClaims.Community, world.Community.Id.ToClaimValue())], "test"));
        Assert.True((await handler.HandleAsync(new AwardPointsCommand(resident.Phone, "volunteer"), Guid.NewGuid().ToString(), staff, CancellationToken.None)).IsOk);
    }
}

[Collection(SqliteLane.Name)]
public sealed class PointsExpiryTestsOnSqlite(SqliteAppFactory factory) : PointsExpiryTests(factory);

[Collection(PostgresLane.Name)]
public sealed class PointsExpiryTestsOnPostgres(PostgresAppFactory factory) : PointsExpiryTests(factory);
