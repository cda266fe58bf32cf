using CommunityPartner.Web.Modules.Projects.Contracts;

namespace CommunityPartner.Web.Modules.Bills.Sustainability;

/// <summary>The dashboard's self-sustainability: each community's sums and rate in the period, and the district's (pooled over all records).</summary>
public sealed record DashboardSustainability(SustainabilityLine District, IReadOnlyDictionary<Guid, SustainabilityLine> Communities)
{
    public static readonly DashboardSustainability None = new(SustainabilityLine.Of(SustainabilitySums.None), new Dictionary<Guid, SustainabilityLine>());

    public SustainabilityLine Of(Guid? communityId) =>
        communityId is { } c ? Communities.GetValueOrDefault(c) ?? SustainabilityLine.Of(SustainabilitySums.None) : District;

    public static async Task<DashboardSustainability> ReadAsync(IProjectSustainability projects, BillPeriod period, CancellationToken ct)
    {
        var (first, last) = SustainabilityFigures.MonthsOf(period);
        var byCommunity = await projects.ByCommunityAsync(first, last, ct);
        var all = byCommunity.Values.ToList();
        var district = new SustainabilitySums(
            all.Sum(s => s.CostsYuan), all.Sum(s => s.OwnIncomeYuan), all.Sum(s => s.MerchantYuan), all.Sum(s => s.PartnerYuan), all.Sum(s => s.DistrictYuan),
            [.. all.SelectMany(s => s.RecordIds)]);
        return new(SustainabilityLine.Of(district), byCommunity.ToDictionary(kv => kv.Key, kv => SustainabilityLine.Of(kv.Value)));
    }
}
