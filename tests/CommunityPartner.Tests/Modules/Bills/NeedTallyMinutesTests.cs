using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Needs.Tallies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// A read of kept tally cells fetches their counts and hour counts, then the minutes of the median's hour(s) only
/// (ADR 0014, format v4): the medians stay exactly those of a recount, and the minute rows fetched are those of the
/// median hours of the cells that hold them — no more.
/// </summary>
public abstract class NeedTallyMinutesTests(AppFactory factory)
{
    private const int Year = 2017;
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task MedianHourDiffersPerCell_ReadsTheMinutesOfTheSumsHourOnly()
    {
        // Response times (minutes): January in hour 0, February in hour 2, March in hour 4; the year's middle values
        // (130, 140) are both February's. Each resolved 600 minutes after its answer.
        var community = await RaiseAsync(new()
        {
            [1] = [(10, 610), (20, 620), (30, 630)],
            [2] = [(130, 730), (140, 740)],
            [3] = [(250, 850), (260, 860), (270, 870)],
        });

        var (sheet, rows) = await ReadAsync(community, new BillPeriod(BillPeriodKind.Year, Year, 0));
        Assert.Equal(TimeSpan.FromMinutes(135), sheet.MedianResponseTime);
        Assert.Equal(TimeSpan.FromMinutes(735), sheet.MedianResolutionTime);
        Assert.Equal(2, rows); // February's hour 2 (response) and hour 12 (resolution): one row each.
        await AssertEqualsRecountAsync(community);
    }

    [Fact]
    public async Task TwoMiddleValuesInDifferentHoursAndCells_ReadBothHours()
    {
        // Sorted responses 30, 59 | 60, 100: the middle values 59 (hour 0, January) and 60 (hour 1, February).
        var community = await RaiseAsync(new()
        {
            [1] = [(30, 630), (59, 659)],
            [2] = [(60, 660), (100, 700)],
        });

        var (sheet, rows) = await ReadAsync(community, new BillPeriod(BillPeriodKind.Quarter, Year, 1));
        Assert.Equal(TimeSpan.FromSeconds(59.5 * 60), sheet.MedianResponseTime);
        Assert.Equal(TimeSpan.FromSeconds(659.5 * 60), sheet.MedianResolutionTime);
        Assert.Equal(4, rows); // Response: January's hour 0, February's hour 1; resolution: January's hour 10, February's hour 11.
        await AssertEqualsRecountAsync(community);
    }

    [Fact]
    public async Task CellsWithoutMinutes_FetchNone()
    {
        // January: never answered; February: one answered in 45 minutes, not resolved; March: answered and resolved.
        var community = await RaiseAsync(new()
        {
            [1] = [(null, null), (null, null)],
            [2] = [(45, null)],
            [3] = [(200, 1000)],
        });

        var (january, none) = await ReadAsync(community, new BillPeriod(BillPeriodKind.Month, Year, 1));
        Assert.Null(january.MedianResponseTime);
        Assert.Null(january.MedianResolutionTime);
        Assert.Equal(0, none);

        var (february, one) = await ReadAsync(community, new BillPeriod(BillPeriodKind.Month, Year, 2));
        Assert.Equal(TimeSpan.FromMinutes(45), february.MedianResponseTime);
        Assert.Null(february.MedianResolutionTime);
        Assert.Equal(1, one);

        var (quarter, rows) = await ReadAsync(community, new BillPeriod(BillPeriodKind.Quarter, Year, 1));
        Assert.Equal(TimeSpan.FromSeconds(122.5 * 60), quarter.MedianResponseTime); // 45 (hour 0, February) and 200 (hour 3, March)
        Assert.Equal(TimeSpan.FromMinutes(1000), quarter.MedianResolutionTime);
        Assert.Equal(3, rows);
        await AssertEqualsRecountAsync(community);
    }

    [Fact]
    public void MinutesOfAnHourNotRead_AreNeverGuessed()
    {
        var histogram = MinuteHistogram.Of(new Dictionary<int, int> { [10] = 2, [130] = 1, [131] = 4 });
        var hoursOnly = MinuteHistogram.FromHours(histogram.HoursToBytes());
        Assert.Equal(histogram.Total, hoursOnly.Total);
        Assert.False(hoursOnly.HasMinutesOf(2));
        Assert.True(hoursOnly.HasMinutesOf(5)); // holds none
        Assert.Throws<InvalidOperationException>(() => BillRules.Median([hoursOnly]));

        hoursOnly.LoadMinutesOf(2, histogram.MinutesOfHour(1));
        Assert.Equal(new[] { 2 }, BillRules.MedianHours([hoursOnly]));
        Assert.Equal(BillRules.Median([histogram]), BillRules.Median([hoursOnly]));
    }

    /// <summary>Raises needs in a new community: per month of <see cref="Year"/>, (minutes to answer, minutes to resolve) of each.</summary>
    private async Task<Guid> RaiseAsync(Dictionary<int, (int? Answer, int? Resolve)[]> months)
    {
        var actors = await _needs.ActorsAsync();
        var community = (await factory.Data.CommunityAsync()).Id;
        await _needs.QueryAsync(async db =>
        {
            var category = await db.Set<NeedCategory>().OrderBy(c => c.SortOrder).FirstAsync();
            var day = 1;
            foreach (var (month, needs) in months)
            {
                foreach (var (answer, resolve) in needs)
                {
                    // Noon Beijing time, a second past the minute (seconds are dropped to the minute).
                    var at = new DateTime(Year, month, day++, 4, 0, 1, DateTimeKind.Utc);
                    var need = Need.Raise(new NeedDraft(community, "分时读取", "测试", "东门", null, null, NeedChannel.Hotline, null, actors.Raiser.Id, false), category, at);
                    if (answer is { } a)
                    {
                        need.Respond(actors.Staff.Id, "收到", at.AddMinutes(a).AddSeconds(30));
                    }

                    if (resolve is { } r)
                    {
                        need.Resolve(actors.Staff.Id, "已办好", at.AddMinutes(r).AddSeconds(15));
                    }

                    db.Add(need);
                }
            }

            return await db.SaveChangesAsync();
        });

        // Keep the cells, so reads fetch kept minutes (not recounts).
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NeedTallies>().RefreshAsync(CancellationToken.None);
        return community;
    }

    /// <summary>The live sheet of one community and period from its tallies, and how many minute rows the read fetched.</summary>
    private async Task<(BillSheet Sheet, int MinuteRows)> ReadAsync(Guid community, BillPeriod period)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var cells = await scope.ServiceProvider.GetRequiredService<INeedFacts>().TallyAsync(community, period.StartUtc, period.EndUtc, default);
        var sheet = BillSheet.FromTallies(null, period, DateTime.UtcNow, cells, BillFacts.Of([], []));
        return (sheet, scope.ServiceProvider.GetRequiredService<NeedTallies>().MinuteRowsRead);
    }

    /// <summary>
    /// Every period of the year: the tally sheet equals the per-need sheet, and the read fetched exactly one row per
    /// median hour (of the period's sum) of each cell holding values in that hour.
    /// </summary>
    private async Task AssertEqualsRecountAsync(Guid community)
    {
        var periods = new List<BillPeriod> { new(BillPeriodKind.Year, Year, 0) };
        periods.AddRange(Enumerable.Range(1, 4).Select(q => new BillPeriod(BillPeriodKind.Quarter, Year, q)));
        periods.AddRange(Enumerable.Range(1, 12).Select(m => new BillPeriod(BillPeriodKind.Month, Year, m)));
        foreach (var period in periods)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var facts = await scope.ServiceProvider.GetRequiredService<INeedFacts>().SubmittedBetweenAsync(community, period.StartUtc, period.EndUtc, default);
            var expected = BillSheet.Compute(null, period, DateTime.UtcNow, facts, []);
            var (actual, rows) = await ReadAsync(community, period);
            Assert.Equal(expected.MedianResponseTime, actual.MedianResponseTime);
            Assert.Equal(expected.MedianResolutionTime, actual.MedianResolutionTime);
            Assert.Equal(expected.Counts, actual.Counts);

            var full = facts.GroupBy(f => NeedMonth.KeyOf(f.SubmittedAt))
                .Select(g => BillTallyRules.Of(community, g.Key / 100, g.Key % 100, [.. g])).ToList();
            var expectedRows = 0;
            foreach (var kind in new[] { BillTallyRules.Response, BillTallyRules.Resolution })
            {
                var histograms = full.Select(c => c.Minutes[kind]).ToList();
                foreach (var hour in BillRules.MedianHours(histograms))
                {
                    expectedRows += histograms.Count(h => Enumerable.Range(0, h.HourCount).Any(i => h.HourAt(i) == hour));
                }
            }

            Assert.True(expectedRows == rows, $"{period.Code}: fetched {rows} minute rows, the median hours' are {expectedRows}");
        }
    }
}

[Collection(SqliteLane.Name)]
public sealed class NeedTallyMinutesTestsOnSqlite(SqliteAppFactory factory) : NeedTallyMinutesTests(factory);

[Collection(PostgresLane.Name)]
public sealed class NeedTallyMinutesTestsOnPostgres(PostgresAppFactory factory) : NeedTallyMinutesTests(factory);
