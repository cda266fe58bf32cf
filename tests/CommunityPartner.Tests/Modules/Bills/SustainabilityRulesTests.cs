using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Bills.Sustainability;
using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>The self-sustainability rate (自我造血率) on hand-made records: pooled sums, capped at 100 %, "—" with no record.</summary>
public sealed class SustainabilityRulesTests
{
    private static readonly Guid Community = Guid.NewGuid();
    private static readonly Guid ProjectA = Guid.NewGuid();

    private static RunningCostFact Month(string month, long costs, long own, long merchant, long partner, long district, Guid? project = null) =>
        new(Guid.NewGuid(), project ?? ProjectA, Community, "驿站", month, costs, own, merchant, partner, district);

    [Fact]
    public void Rate_NoRecords_IsNullNotZero()
    {
        var sums = SustainabilitySums.Of([]);

        Assert.Null(sums.RatePercent);
        Assert.Equal(0, sums.RecordCount);
        Assert.Equal("—", BillSustainabilityModel.Rate(sums.RatePercent));
    }

    [Fact]
    public void Rate_OneMonth_OwnMerchantAndPartnerOverCostsDistrictMoneyNotCounted()
    {
        var sums = SustainabilitySums.Of([Month("2025-04", 10_000, 4_000, 1_500, 500, 4_000)]);

        Assert.Equal(60.0m, sums.RatePercent);
        Assert.Equal(6_000, sums.SelfFundedYuan);
        Assert.Equal(0, sums.SurplusYuan);
    }

    [Fact]
    public void Rate_MoreThanCosts_CappedAt100WithTheSurplusApart()
    {
        var sums = SustainabilitySums.Of([Month("2025-04", 10_000, 9_000, 2_000, 1_000, 0)]);

        Assert.Equal(100.0m, sums.RatePercent);
        Assert.Equal(2_000, sums.SurplusYuan);
    }

    [Fact]
    public void Rate_SeveralMonthsAndProjects_SumsPooledNotAMeanOfRates()
    {
        // 90 % in April and 10 % in May: the mean would be 50 %, the pooled sums give 1 200 ÷ 4 000 = 30 %.
        var sums = SustainabilitySums.Of(
        [
            Month("2025-04", 1_000, 900, 0, 0, 100),
            Month("2025-05", 3_000, 100, 100, 100, 2_700, Guid.NewGuid()),
        ]);

        Assert.Equal(30.0m, sums.RatePercent);
        Assert.Equal(4_000, sums.CostsYuan);
        Assert.Equal(2_800, sums.DistrictYuan);
        Assert.Equal(2, sums.RecordCount);
    }

    [Fact]
    public void Rate_OneThird_RoundedToOneDecimal()
    {
        Assert.Equal(33.3m, SustainabilitySums.Of([Month("2025-04", 3_000, 1_000, 0, 0, 2_000)]).RatePercent);
        Assert.Equal(66.7m, SustainabilitySums.Of([Month("2025-04", 3_000, 2_000, 0, 0, 1_000)]).RatePercent);
    }

    [Theory]
    [InlineData("2025-Q2", "2025-04", "2025-06")]
    [InlineData("2025", "2025-01", "2025-12")]
    [InlineData("2025-11", "2025-11", "2025-11")]
    [InlineData("2025-Q4", "2025-10", "2025-12")]
    public void MonthsOf_BillPeriod_FirstAndLastMonthInBeijingTime(string period, string first, string last)
    {
        Assert.True(BillPeriod.TryParse(period, out var parsed));

        Assert.Equal((first, last), SustainabilityFigures.MonthsOf(parsed));
    }
}
