using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>Each figure and rate on a hand-made set of needs, with the edge cases the definitions decide.</summary>
public sealed class BillRulesTests
{
    private static readonly DateTime T0 = new(2025, 4, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Community = Guid.NewGuid();

    private static NeedFact Need(
        double? answeredAfterHours = null,
        double respondWithinHours = 72,
        double? resolvedAfterHours = null,
        bool rejected = false,
        bool merged = false,
        RatingOutcome? rating = null) =>
        new(
            Guid.NewGuid(),
            Community,
            T0,
            T0.AddHours(respondWithinHours),
            answeredAfterHours is { } a ? T0.AddHours(a) : null,
            resolvedAfterHours is { } r ? T0.AddHours(r) : null,
            rejected,
            merged,
            Resolved: resolvedAfterHours is not null,
            rating);

    [Fact]
    public void Rates_HandMadeSet_GiveTheExpectedNumbers()
    {
        NeedFact[] needs =
        [
            Need(answeredAfterHours: 2, resolvedAfterHours: 30, rating: RatingOutcome.Satisfied),
            Need(answeredAfterHours: 72, resolvedAfterHours: 100, rating: RatingOutcome.BasicallySatisfied), // answered exactly at the deadline
            Need(answeredAfterHours: 80, resolvedAfterHours: 200),                                            // answered late, not rated
            Need(answeredAfterHours: 5, rating: RatingOutcome.Dissatisfied),                                  // reopened by 不满意: not resolved
            Need(answeredAfterHours: 1, rejected: true),                                                       // declined: answered, not to resolve
            Need(answeredAfterHours: 1, merged: true),                                                         // duplicate: counted nowhere but merged
            Need(),                                                                                            // never answered
        ];

        Assert.Equal(6, Count(needs, BillFigure.Received));
        Assert.Equal(4, Count(needs, BillFigure.AnsweredOnTime));
        Assert.Equal(5, Count(needs, BillFigure.ToResolve));
        Assert.Equal(3, Count(needs, BillFigure.Resolved));
        Assert.Equal(1, Count(needs, BillFigure.Rejected));
        Assert.Equal(1, Count(needs, BillFigure.Merged));
        Assert.Equal(3, Count(needs, BillFigure.Rated));
        Assert.Equal(2, Count(needs, BillFigure.Satisfied));

        Assert.Equal(new Rate(4, 6), BillRules.ResponseRate(needs));
        Assert.Equal(66.7m, BillRules.ResponseRate(needs).Percent);
        Assert.Equal(60.0m, BillRules.ResolutionRate(needs).Percent);
        Assert.Equal(66.7m, BillRules.SatisfactionRate(needs).Percent);

        // Answered: 1, 2, 5, 72, 80 hours (the merged need's 1 hour does not count) → median 5.
        Assert.Equal(TimeSpan.FromHours(5), BillRules.MedianResponseTime(needs));
        // Resolved: 30, 100, 200 hours → median 100.
        Assert.Equal(TimeSpan.FromHours(100), BillRules.MedianResolutionTime(needs));
    }

    [Fact]
    public void Rates_NoNeedsOrNoneRated_AreUnknownNotZero()
    {
        Assert.Null(BillRules.ResponseRate([]).Percent);
        Assert.Null(BillRules.ResolutionRate([]).Percent);
        Assert.Null(BillRules.MedianResponseTime([]));

        NeedFact[] unrated = [Need(answeredAfterHours: 1, resolvedAfterHours: 2), Need()];
        Assert.Equal(new Rate(0, 0), BillRules.SatisfactionRate(unrated));
        Assert.Null(BillRules.SatisfactionRate(unrated).Percent);
        Assert.Equal(50.0m, BillRules.ResolutionRate(unrated).Percent);

        NeedFact[] allDeclined = [Need(answeredAfterHours: 1, rejected: true)];
        Assert.Equal(new Rate(0, 0), BillRules.ResolutionRate(allDeclined));
        Assert.Equal(100.0m, BillRules.ResponseRate(allDeclined).Percent);
    }

    [Fact]
    public void AnsweredOnTime_OneTickAfterTheDeadline_IsLate()
    {
        var atDeadline = Need(answeredAfterHours: 72);
        var late = atDeadline with { FirstRespondedAt = atDeadline.RespondBy.AddTicks(1) };

        Assert.True(BillRules.Counts(BillFigure.AnsweredOnTime, atDeadline));
        Assert.False(BillRules.Counts(BillFigure.AnsweredOnTime, late));
    }

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(TimeSpan.FromHours(3), BillRules.Median([TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(9)]));
    }

    [Fact]
    public void Median_IsToTheMinute_SecondsDroppedAndHalfMinutesFromAnEvenCount()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), BillRules.Median([TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(179), TimeSpan.FromHours(5)]));
        Assert.Equal(TimeSpan.FromSeconds(90), BillRules.Median([TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(125)]));
        Assert.Null(BillRules.Median(new Dictionary<int, int> { [3] = 0 }));
    }

    [Fact]
    public void Median_OfSummedHistograms_EqualsTheMedianOfAllDurations()
    {
        var random = new Random(7);
        var parts = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, random.Next(1, 40)).Select(_ => TimeSpan.FromSeconds(random.Next(100_000))).ToList()).ToList();
        var histograms = parts.Select(p => (IReadOnlyDictionary<int, int>)p.GroupBy(BillRules.WholeMinutes).ToDictionary(g => g.Key, g => g.Count())).ToList();

        Assert.Equal(BillRules.Median(parts.SelectMany(p => p)), BillRules.Median(BillRules.Sum(histograms)));
    }

    [Fact]
    public void Projects_CompletedInThePeriodAndOperatingBeforeItsEnd_Count()
    {
        var q2 = new BillPeriod(BillPeriodKind.Quarter, 2025, 2);
        ProjectFact Project(DateTime? completed, DateTime? operatingSince, bool operating) =>
            new(Guid.NewGuid(), Community, "项目", "completed", "已完成", completed, operatingSince, operating);

        var inside = Project(q2.StartUtc, null, false);
        var lastInstant = Project(q2.EndUtc.AddTicks(-1), null, false);
        var after = Project(q2.EndUtc, null, false);
        var operating = Project(q2.StartUtc.AddDays(-10), q2.StartUtc.AddDays(-5), true);
        var operatingLater = Project(q2.EndUtc.AddDays(1), q2.EndUtc.AddDays(2), true);

        Assert.True(BillRules.Counts(BillFigure.ProjectsCompleted, inside, q2));
        Assert.True(BillRules.Counts(BillFigure.ProjectsCompleted, lastInstant, q2));
        Assert.False(BillRules.Counts(BillFigure.ProjectsCompleted, after, q2));
        Assert.False(BillRules.Counts(BillFigure.ProjectsCompleted, operating, q2));
        Assert.True(BillRules.Counts(BillFigure.ProjectsOperating, operating, q2));
        Assert.False(BillRules.Counts(BillFigure.ProjectsOperating, operatingLater, q2));
    }

    private static int Count(IEnumerable<NeedFact> needs, BillFigure figure) => needs.Count(n => BillRules.Counts(figure, n));
}

/// <summary>Periods are read in Beijing time and written back the same way.</summary>
public sealed class BillPeriodTests
{
    [Theory]
    [InlineData("2025", "2024-12-31T16:00:00Z", "2025-12-31T16:00:00Z")]
    [InlineData("2025-Q2", "2025-03-31T16:00:00Z", "2025-06-30T16:00:00Z")]
    [InlineData("2025-q4", "2025-09-30T16:00:00Z", "2025-12-31T16:00:00Z")]
    [InlineData("2025-06", "2025-05-31T16:00:00Z", "2025-06-30T16:00:00Z")]
    [InlineData("2025-12", "2025-11-30T16:00:00Z", "2025-12-31T16:00:00Z")]
    public void TryParse_ValidCode_StartsAndEndsAtBeijingMidnight(string code, string start, string end)
    {
        Assert.True(BillPeriod.TryParse(code, out var period));
        Assert.Equal(DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal), period.StartUtc);
        Assert.Equal(DateTime.Parse(end, null, System.Globalization.DateTimeStyles.AdjustToUniversal), period.EndUtc);
        Assert.Equal(code.ToUpperInvariant(), period.Code.ToUpperInvariant());
    }

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("2025-Q5")]
    [InlineData("2025-Q0")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-6")]
    [InlineData("1999")]
    [InlineData("2101-Q1")]
    [InlineData("2025-Q2; DROP TABLE")]
    [InlineData("２０２５")]
    public void TryParse_InvalidCode_Refused(string code) => Assert.False(BillPeriod.TryParse(code, out _));

    [Fact]
    public void QuarterOf_LastEveningOfMarchUtc_IsAlreadyQ2InBeijing()
    {
        Assert.Equal("2025-Q2", BillPeriod.QuarterOf(new DateTime(2025, 3, 31, 16, 0, 0, DateTimeKind.Utc)).Code);
        Assert.Equal("2025-Q1", BillPeriod.QuarterOf(new DateTime(2025, 3, 31, 15, 59, 59, DateTimeKind.Utc)).Code);
        Assert.Equal("2024-Q4", BillPeriod.QuarterOf(new DateTime(2025, 1, 5, 0, 0, 0, DateTimeKind.Utc)).Previous.Code);
    }
}
