using System.Globalization;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Needs.Tallies;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// The bill's live figures read from the needs' tallies (ADR 0014) equal <see cref="BillSheet.Compute(CommunityPartner.Web.Modules.Communities.Contracts.CommunityInfo?, BillPeriod, DateTime, BillFacts)"/> on every need
/// of the period, for months, quarters and the year, the district and each community: after a seeded random sequence
/// of raises, answers, resolutions, ratings (不满意 reopens), rejections and merges across months and communities;
/// before any cell is kept, after a refresh, after later changes to old months, after a bulk update that moves a need
/// to another community, and after a refresh again. The seed is in every failure message.
/// </summary>
public abstract class NeedTalliesTests(AppFactory factory)
{
    private const int Year = 2019;
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task TallySheets_AfterRandomNeedMoves_EqualAFullRecount()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var actors = await _needs.ActorsAsync();
        var communities = new[] { actors.Community.Id, (await factory.Data.CommunityAsync()).Id, (await factory.Data.CommunityAsync()).Id };
        var ids = new List<Guid>();

        // Raise and move needs across the year's months and the three communities.
        await _needs.QueryAsync(async db =>
        {
            var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
            var raised = new List<Need>();
            for (var i = 0; i < 80; i++)
            {
                var at = new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(365 * 24 * 60)).AddSeconds(random.Next(60));
                var need = Need.Raise(new NeedDraft(communities[random.Next(3)], $"诉求 {i}", "随机生成", "东门", null, null, NeedChannel.Hotline, null, actors.Raiser.Id, false), category, at);
                raised.Add(need);
                Move(random, need, raised, actors, at, 1 + random.Next(5), fresh: true);
            }

            db.AddRange(raised);
            await db.SaveChangesAsync();
            ids.AddRange(raised.Select(n => n.Id));
            return 0;
        });
        await AssertTalliesEqualRecountAsync(seed, communities, "before any refresh");

        await RefreshAsync();
        await AssertTalliesEqualRecountAsync(seed, communities, "after a refresh");

        // Later changes to needs of old months: answers, resolutions, ratings that reopen, merges.
        await MoveSomeAsync(random, ids, actors, 30);
        await AssertTalliesEqualRecountAsync(seed, communities, "after changes to old months");

        var moved = ids[random.Next(ids.Count)];
        var target = communities[random.Next(3)];
        await _needs.QueryAsync(db => db.Set<Need>().Where(n => n.Id == moved).ExecuteUpdateAsync(s => s.SetProperty(n => n.CommunityId, target)));
        await AssertTalliesEqualRecountAsync(seed, communities, "after a bulk move to another community");

        await RefreshAsync();
        await MoveSomeAsync(random, ids, actors, 10);
        await AssertTalliesEqualRecountAsync(seed, communities, "after a refresh and more changes");
        await RefreshAsync();
        await AssertTalliesEqualRecountAsync(seed, communities, "after a final refresh");
    }

    private static void Move(Random random, Need need, List<Need> others, NeedActors actors, DateTime from, int moves, bool fresh = false)
    {
        var at = from;
        for (var m = 0; m < moves; m++)
        {
            // Some answers land exactly on the response deadline.
            at = fresh && m == 0 && random.Next(5) == 0 ? need.RespondBy : at.AddMinutes(1 + random.Next(20 * 24 * 60)).AddSeconds(random.Next(60));
            try
            {
                switch (random.Next(9))
                {
                    case 0: need.Respond(actors.Staff.Id, "收到", at); break;
                    case 1: need.Start(actors.Staff.Id, null, at); break;
                    case 2 or 3: need.Resolve(actors.Staff.Id, "已办好", at); break;
                    case 4: need.Reject(actors.Staff.Id, "不予受理", at); break;
                    case 5:
                        var target = others.FirstOrDefault(o => o != need && o.CommunityId == need.CommunityId && o.IsOpen);
                        if (target is not null)
                        {
                            need.MergeInto(target, actors.Staff.Id, at);
                        }

                        break;
                    case 6: need.Rate(actors.Raiser.Id, Satisfaction.Satisfied, null, at); break;
                    case 7: need.Rate(actors.Raiser.Id, Satisfaction.BasicallySatisfied, null, at); break;
                    default: need.Rate(actors.Raiser.Id, Satisfaction.Dissatisfied, "还是不行", at); break;
                }
            }
            catch (DomainException)
            {
                // Not a move this need can make now: try another.
            }
        }
    }

    private Task<int> MoveSomeAsync(Random random, List<Guid> ids, NeedActors actors, int count) => _needs.QueryAsync(async db =>
    {
        var chosen = ids.OrderBy(_ => random.Next()).Take(count).ToList();
        var needs = await db.Set<Need>().Include(n => n.Events).Include(n => n.Ratings).Where(n => chosen.Contains(n.Id)).ToListAsync();
        foreach (var need in needs.OrderBy(n => n.Id))
        {
            var latest = need.Events.Max(e => e.At);
            Move(random, need, needs, actors, latest, 1 + random.Next(3));
        }

        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task OverdueCounts_FromThePartialIndexes_EqualThePlainCount()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var actors = await _needs.ActorsAsync();
        var ids = new List<Guid>();
        await _needs.QueryAsync(async db =>
        {
            var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
            var raised = new List<Need>();
            for (var i = 0; i < 30; i++)
            {
                var at = new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(365 * 24 * 60));
                var need = Need.Raise(new NeedDraft(actors.Community.Id, $"逾期 {i}", "随机生成", "东门", null, null, NeedChannel.Hotline, null, actors.Raiser.Id, false), category, at);
                raised.Add(need);
                Move(random, need, raised, actors, at, random.Next(4), fresh: true);
            }

            db.AddRange(raised);
            ids.AddRange(raised.Select(n => n.Id));
            return await db.SaveChangesAsync();
        });

        // Every deadline of these needs exactly (the edges), a tick after, and random instants of the year and after.
        var instants = await _needs.QueryAsync(async db =>
        {
            var deadlines = await db.Set<Need>().Where(n => ids.Contains(n.Id)).Select(n => new { n.RespondBy, n.ResolveBy }).ToListAsync();
            return deadlines.SelectMany(d => new[] { d.RespondBy, d.ResolveBy }).SelectMany(d => new[] { d, d.AddTicks(1) })
                .Concat(Enumerable.Range(0, 10).Select(_ => new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(400 * 24 * 60))))
                .ToList();
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<INeedFacts>();
        foreach (var now in instants)
        {
            var expected = await _needs.QueryAsync(db => db.Set<Need>()
                .Where(n => n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Responded || n.Status == NeedStatus.InProgress)
                .Where(n => (n.FirstRespondedAt == null && n.RespondBy < now) || n.ResolveBy < now)
                .GroupBy(n => n.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
            var actual = await facts.OverdueCountsAsync(now, default);
            Assert.True(
                expected.OrderBy(e => e.Key).SequenceEqual(actual.OrderBy(a => a.Key)),
                $"seed {seed}, at {now:O}: plain {string.Join(",", expected.OrderBy(e => e.Key))} but counted {string.Join(",", actual.OrderBy(a => a.Key))}");
        }
    }

    private async Task RefreshAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NeedTallies>().RefreshAsync(CancellationToken.None);
    }

    private async Task AssertTalliesEqualRecountAsync(int seed, Guid[] communities, string when)
    {
        var periods = new List<BillPeriod> { new(BillPeriodKind.Year, Year, 0) };
        periods.AddRange(Enumerable.Range(1, 4).Select(q => new BillPeriod(BillPeriodKind.Quarter, Year, q)));
        periods.AddRange(Enumerable.Range(1, 12).Select(m => new BillPeriod(BillPeriodKind.Month, Year, m)));
        await using var scope = factory.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<INeedFacts>();
        var now = DateTime.UtcNow;
        foreach (var community in communities.Select(c => (Guid?)c).Prepend(null))
        {
            foreach (var period in periods)
            {
                var expected = BillSheet.Compute(null, period, now, await facts.SubmittedBetweenAsync(community, period.StartUtc, period.EndUtc, default), []);
                var actual = BillSheet.FromTallies(null, period, now, await facts.TallyAsync(community, period.StartUtc, period.EndUtc, default), BillFacts.Of([], []));
                Assert.True(Describe(expected) == Describe(actual),
                    $"seed {seed}, {when}, {community?.ToString() ?? "district"} {period.Code}: recount {Describe(expected)} but tallies {Describe(actual)}");
            }
        }
    }

    private static string Describe(BillSheet sheet) => string.Join(
        "; ",
        [.. sheet.Counts.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")),
            $"response {sheet.ResponseRate}", $"resolution {sheet.ResolutionRate}", $"satisfaction {sheet.SatisfactionRate}",
            $"median response {sheet.MedianResponseTime}", $"median resolution {sheet.MedianResolutionTime}"]);
}

[Collection(SqliteLane.Name)]
public sealed class NeedTalliesTestsOnSqlite(SqliteAppFactory factory) : NeedTalliesTests(factory);

[Collection(PostgresLane.Name)]
public sealed class NeedTalliesTestsOnPostgres(PostgresAppFactory factory) : NeedTalliesTests(factory);
