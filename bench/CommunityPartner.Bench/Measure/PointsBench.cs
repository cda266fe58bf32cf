using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Reconcile;
using CommunityPartner.Web.Modules.Points.Spending;
using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench.Measure;

public sealed record PointsRun(string Engine, int Workers, double Seconds, int Residents, long Redemptions, long RedeemRefused, double RedemptionsPerSecond,
    long RawTransfers, double RawPerSecond, double Ratio, int ReconcileBreaks, IReadOnlyList<string> Breaks, DateTime At);

/// <summary>
/// Points mode: redemptions per second through the app's own RedeemHandler (idempotency key, stock reservation, guarded
/// debit, hold, redemption row, audit — one transaction each) against a raw transfer on the same database in the same
/// run (one transaction: guarded debit, credit, transfer insert, in hand-written SQL), then `points reconcile`.
/// </summary>
public static class PointsBench
{
    private const long Funding = 1_000_000;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<PointsRun> RunAsync(IServiceProvider services, string engine, int workers, double seconds, int residents)
    {
        var (items, people) = await SetUpAsync(services, residents);
        Console.WriteLine($"{engine}: {residents} residents funded with {Funding:N0} points each; {workers} workers, {seconds:F0} s per mode");

        // Warm up both paths once, then measure the app and the raw transfer in turns (app, raw, app, raw) and sum.
        await RedeemLoopAsync(services, items, people, 1, 1);
        await RawLoopAsync(services, people, 1, 1);
        long redeemed = 0, refused = 0, raw = 0;
        double redeemSeconds = 0, rawSeconds = 0;
        for (var round = 0; round < 2; round++)
        {
            var (ok, no, s1) = await RedeemLoopAsync(services, items, people, workers, seconds / 2);
            redeemed += ok;
            refused += no;
            redeemSeconds += s1;
            var (done, s2) = await RawLoopAsync(services, people, workers, seconds / 2);
            raw += done;
            rawSeconds += s2;
        }

        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        var perSecond = redeemed / redeemSeconds;
        var rawPerSecond = raw / rawSeconds;
        return new PointsRun(engine, workers, seconds, residents, redeemed, refused, perSecond, raw, rawPerSecond, perSecond / rawPerSecond,
            report.Breaks.Count, report.Breaks, DateTime.UtcNow);
    }

    public static async Task WriteAsync(string dir, string name, PointsRun run)
    {
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, name + ".json"), JsonSerializer.Serialize(run, Indented));
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Points benchmark — {run.Engine}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{run.At:yyyy-MM-dd HH:mm} UTC, {run.Workers} workers, {run.Seconds:F0} s per mode, {run.Residents} residents")
            .AppendLine()
            .AppendLine("| path | operations | per second |")
            .AppendLine("|---|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| redemption (RedeemHandler) | {run.Redemptions:N0} ({run.RedeemRefused} refused) | {run.RedemptionsPerSecond:F0} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| raw transfer (one transaction, hand-written SQL) | {run.RawTransfers:N0} | {run.RawPerSecond:F0} |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Redemptions reach {run.Ratio:P0} of the raw transfer rate. `points reconcile` afterwards: {run.ReconcileBreaks} breaks.");
        await File.WriteAllTextAsync(Path.Combine(dir, name + ".md"), md.ToString());
    }

    private static async Task<(IReadOnlyList<Guid> Items, IReadOnlyList<Guid> Residents)> SetUpAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<PointsLedger>();
        var merchants = scope.ServiceProvider.GetRequiredService<IMerchantDirectory>();
        Guid? partnerId = null;
        foreach (var candidate in await db.Set<MerchantItem>().Select(i => i.PartnerId).Distinct().ToListAsync())
        {
            if (await merchants.FindMerchantAsync(candidate, CancellationToken.None) is { Verified: true })
            {
                partnerId = candidate;
                break;
            }
        }

        var owner = await db.Users.OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync();
        // Twenty items, as a shop window has: redemptions of one item serialise on its stock row, which is the point of
        // the guard, but a benchmark of one item would measure only that row's lock.
        var items = Enumerable.Range(1, 20).Select(n => MerchantItem.Create(partnerId ?? throw new InvalidOperationException("The demo seed has no verified merchant with items."),
            string.Create(CultureInfo.InvariantCulture, $"压测兑换券{n}"), 1, 10_000_000, null, null, owner, DateTime.UtcNow)).ToList();
        db.AddRange(items);
        await db.SaveChangesAsync();

        var pool = await ledger.AccountAsync(AccountKind.CommunityPool, Guid.NewGuid(), CancellationToken.None);
        var residents = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var resident = Guid.NewGuid();
            var account = await ledger.AccountAsync(AccountKind.Resident, resident, CancellationToken.None);
            await ledger.AccountAsync(AccountKind.Held, resident, CancellationToken.None);
            await using var tx = await db.Database.BeginTransactionAsync();
            await ledger.PostAsync(new TransferOrder(pool, account, Funding, TransferKind.Award, "bench", "funding", null, null, $"bench:fund:{resident:N}", "bench"), CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            residents.Add(resident);
        }

        return ([.. items.Select(i => i.Id)], residents);
    }

    private static async Task<(long Ok, long Refused, double Seconds)> RedeemLoopAsync(IServiceProvider services, IReadOnlyList<Guid> items, IReadOnlyList<Guid> residents, int workers, double seconds)
    {
        long ok = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var n = w;
            do
            {
                var itemId = items[n % items.Count];
                var resident = residents[n++ % residents.Count];
                var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, resident.ToString())], "bench"));
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<RedeemHandler>().HandleAsync(new RedeemCommand(itemId), Guid.NewGuid().ToString("N"), user, CancellationToken.None);
                Interlocked.Increment(ref result.IsOk ? ref ok : ref refused);
            }
            while (clock.Elapsed < until);
        })));
        return (ok, refused, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The floor: the same hold a redemption makes (resident → held), as one transaction of three hand-written statements.</summary>
    private static async Task<(long Done, double Seconds)> RawLoopAsync(IServiceProvider services, IReadOnlyList<Guid> residents, int workers, double seconds)
    {
        long done = 0;
        var accounts = new List<(Guid From, Guid To)>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var all = await db.Set<PointsAccount>().Where(a => a.Kind == AccountKind.Resident || a.Kind == AccountKind.Held)
                .Select(a => new { a.Id, a.Kind, a.OwnerId }).ToListAsync();
            var byOwner = all.ToLookup(a => a.OwnerId);
            accounts.AddRange(residents.Select(r => (byOwner[r].First(a => a.Kind == AccountKind.Resident).Id, byOwner[r].First(a => a.Kind == AccountKind.Held).Id)));
        }

        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var n = w;
            do
            {
                var (from, to) = accounts[n++ % accounts.Count];
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await using var tx = await db.Database.BeginTransactionAsync();
                var debited = await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE points_accounts SET \"Balance\" = \"Balance\" - 1 WHERE \"Id\" = {from} AND \"Balance\" >= 1");
                if (debited == 1)
                {
                    await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE points_accounts SET \"Balance\" = \"Balance\" + 1 WHERE \"Id\" = {to}");
                    var key = $"bench:raw:{Guid.NewGuid():N}";
                    var at = DateTime.UtcNow;
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"INSERT INTO points_transfers (\"FromAccountId\", \"ToAccountId\", \"Amount\", \"Kind\", \"ReferenceType\", \"ReferenceId\", \"At\", \"IdempotencyKey\", \"RequestHash\") VALUES ({from}, {to}, {1L}, {(int)TransferKind.Hold}, {"bench"}, {"raw"}, {at}, {key}, {"raw"})");
                    await tx.CommitAsync();
                    Interlocked.Increment(ref done);
                }
            }
            while (clock.Elapsed < until);
        })));
        return (done, clock.Elapsed.TotalSeconds);
    }
}
