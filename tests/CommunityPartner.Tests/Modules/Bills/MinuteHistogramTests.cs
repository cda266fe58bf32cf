using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Needs.Contracts;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>
/// The two-level histograms of the needs' tallies (hours, then minutes; ADR 0014): the median over many of them equals
/// <see cref="BillRules"/>' median of the summed minutes — at hour edges, empty, one value, even counts, negative
/// minutes — and the stored form reads back the same.
/// </summary>
public sealed class MinuteHistogramTests
{
    private static MinuteHistogram Of(params int[] minutes) =>
        MinuteHistogram.Of(minutes.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count()));

    private static TimeSpan? Reference(params MinuteHistogram[] histograms) =>
        BillRules.Median(BillRules.Sum(histograms.Select(h => h.ToMinutes())));

    [Fact]
    public void Empty_HasNoMedian()
    {
        Assert.Null(BillRules.Median(Array.Empty<MinuteHistogram>()));
        Assert.Null(BillRules.Median([MinuteHistogram.Empty, Of()]));
        Assert.Equal(0, MinuteHistogram.FromBytes(MinuteHistogram.Empty.ToBytes()).Total);
        Assert.Same(MinuteHistogram.Empty, MinuteHistogram.Of(new Dictionary<int, int> { [5] = 0 }));
    }

    [Fact]
    public void SingleValue_IsTheMedian()
    {
        Assert.Equal(TimeSpan.FromMinutes(61), BillRules.Median([Of(61)]));
        Assert.Equal(TimeSpan.FromMinutes(61), BillRules.Median([MinuteHistogram.Empty, Of(61), Of()]));
    }

    [Fact]
    public void EvenCount_TakesTheMeanOfTheTwoMiddleOnes_AcrossAnHourEdge()
    {
        // 59 is the last minute of hour 0, 60 the first of hour 1: the middle two fall in different hours.
        Assert.Equal(TimeSpan.FromSeconds(59 * 60 + 30), BillRules.Median([Of(59), Of(60)]));
        Assert.Equal(TimeSpan.FromSeconds(59 * 60 + 30), BillRules.Median([Of(0, 59), Of(60, 200)]));
        Assert.Equal(TimeSpan.FromSeconds(90), BillRules.Median([Of(1, 2)]));
    }

    [Fact]
    public void MiddleValue_AtTheFirstAndLastMinuteOfAnHour()
    {
        Assert.Equal(TimeSpan.FromMinutes(60), BillRules.Median([Of(10, 60), Of(119)]));
        Assert.Equal(TimeSpan.FromMinutes(119), BillRules.Median([Of(60, 119), Of(120)]));
        Assert.Equal(TimeSpan.FromMinutes(120), BillRules.Median([Of(119, 120, 120), Of(180, 181)]));
    }

    [Fact]
    public void NegativeMinutes_FallInTheirOwnHours()
    {
        Assert.Equal(-1, MinuteHistogram.HourOf(-1));
        Assert.Equal(-1, MinuteHistogram.HourOf(-60));
        Assert.Equal(-2, MinuteHistogram.HourOf(-61));
        Assert.Equal(TimeSpan.FromSeconds(-30), BillRules.Median([Of(-1, 0)]));
        Assert.Equal(Reference(Of(-61, -60, -1), Of(0, 3)), BillRules.Median([Of(-61, -60, -1), Of(0, 3)]));
    }

    [Fact]
    public void StoredForm_ReadsBackTheSameMinutes()
    {
        var histogram = MinuteHistogram.Of(new Dictionary<int, int> { [-7000] = 3, [0] = 1, [59] = 200, [60] = 1, [100_000] = 70_000 });
        var read = MinuteHistogram.FromBytes(histogram.ToBytes());

        Assert.Equal(histogram.ToMinutes().OrderBy(m => m.Key), read.ToMinutes().OrderBy(m => m.Key));
        Assert.Equal(70_205, read.Total);
        Assert.Equal([-117, 0, 1, 1666], Enumerable.Range(0, read.HourCount).Select(read.HourAt));
    }

    [Fact]
    public void Median_OfManyRandomHistograms_EqualsTheMedianOfAllMinutes()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var spread = random.Next(3) switch { 0 => 120, 1 => 5000, _ => 200_000 };
            var histograms = Enumerable.Range(0, random.Next(1, 12))
                .Select(_ => MinuteHistogram.FromBytes(Of([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => random.Next(-30, spread))]).ToBytes()))
                .ToArray();
            Assert.True(Reference(histograms) == BillRules.Median(histograms), $"seed {seed}, round {round}");
        }
    }
}
