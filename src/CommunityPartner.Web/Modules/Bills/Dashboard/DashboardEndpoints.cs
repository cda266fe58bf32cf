using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.Dashboard;

public static class DashboardEndpoints
{
    /// <summary>A rate (percent, one decimal; null when nothing to divide) and the records its two figures count.</summary>
    public sealed record DashRateDto(decimal? Percent, int Numerator, int Denominator, string NumeratorRecords, string DenominatorRecords);

    public sealed record CountDto(int Count, string Records);

    public sealed record PipelineDto(int Offers, int Intents, int Delivered, long DeliveredYuan);

    /// <param name="Rank">1 for the best; null when not ranked (fewer than minRatedToRank rated needs, or the district).</param>
    public sealed record RowDto(
        string Community,
        string CommunityName,
        CountDto Received,
        DashRateDto ResponseRate,
        DashRateDto ResolutionRate,
        DashRateDto SatisfactionRate,
        CountDto Overdue,
        PipelineDto Pipeline,
        int? Rank);

    public sealed record TrendPointDto(string Month, DashRateDto ResponseRate, DashRateDto ResolutionRate, DashRateDto SatisfactionRate);

    public sealed record DashboardDto(
        string Period,
        DateTime PeriodStart,
        DateTime PeriodEnd,
        DateTime ComputedAt,
        int MinRatedToRank,
        RowDto District,
        IReadOnlyList<RowDto> Communities,
        string TrendScope,
        IReadOnlyList<TrendPointDto> Trend)
    {
        /// <summary>Self-sustainability per community (and the district first), with links to the monthly records summed.</summary>
        public IReadOnlyList<Sustainability.SustainabilityEndpoints.DashboardSustainabilityDto> Sustainability { get; init; } = [];
    }

    public sealed record OverdueDto(Guid Id, string Title, string Status, DateTime SubmittedAt, string Link);

    public sealed record OverdueListDto(string Community, int Count, IReadOnlyList<OverdueDto> Items);

    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (string? period, string? community, DashboardReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await reader.ReadAsync(period, community, ct), text, view => TypedResults.Ok(Dto(view, text))))
        .RequireAuthorization(Policies.Oversight)
        .WithName("GetDashboard")
        .WithSummary("The district dashboard (district admin and representatives): per community and for the district, the three rates of the bill for a period (2025, 2025-Q2, 2025-06; default: the last closed quarter), overdue needs now, the partner pipeline and a fair ranking (only communities with at least 10 rated needs are ranked); a 12-month trend of the district, or of community=.")
        .WithTags("Dashboard")
        .Produces<DashboardDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/dashboard/overdue", async (string? community, DashboardReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await reader.OverdueAsync(community, ct), text, r => TypedResults.Ok(new OverdueListDto(
                r.Community?.Code ?? BillVersion.DistrictScope,
                r.Needs.Count,
                [.. r.Needs.Select(n => new OverdueDto(n.Id, n.Title, n.StatusCode, n.SubmittedAt, $"/needs/{n.Id}"))]))))
        .RequireAuthorization(Policies.Oversight)
        .WithName("GetOverdueNeeds")
        .WithSummary("The needs open past their response or resolution deadline now, of one community or (empty, 'district') all: the records behind the dashboard's overdue figure.")
        .WithTags("Dashboard")
        .Produces<OverdueListDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static string OverdueLink(string scope, bool api = false) => $"{(api ? "/api/v1" : "")}/dashboard/overdue?community={Uri.EscapeDataString(scope)}";

    private static DashboardDto Dto(DashboardView view, IStringLocalizer<SharedResource> text) => new(
        view.Period.Code,
        view.Period.StartUtc,
        view.Period.EndUtc,
        view.ComputedAt,
        DashboardRanking.MinRated,
        Row(view.District, view.Period, text),
        [.. view.Communities.Select(r => Row(r, view.Period, text))],
        view.TrendScope?.Code ?? BillVersion.DistrictScope,
        [.. view.Trend.Select(p =>
        {
            var scope = view.TrendScope?.Code ?? BillVersion.DistrictScope;
            return new TrendPointDto(p.Month.Code, RateOf(p.ResponseRate, scope, p.Month, 0), RateOf(p.ResolutionRate, scope, p.Month, 1), RateOf(p.SatisfactionRate, scope, p.Month, 2));
        })])
    {
        Sustainability = Sustainability.SustainabilityEndpoints.Dashboard(view, text),
    };

    private static RowDto Row(DashboardRow row, BillPeriod period, IStringLocalizer<SharedResource> text) => new(
        row.Scope,
        row.Community?.DisplayName ?? text["全区"],
        new CountDto(row.Received, BillEndpoints.RecordsLink(row.Scope, period, BillFigure.Received, null, api: true)),
        RateOf(row.ResponseRate, row.Scope, period, 0),
        RateOf(row.ResolutionRate, row.Scope, period, 1),
        RateOf(row.SatisfactionRate, row.Scope, period, 2),
        new CountDto(row.Overdue, OverdueLink(row.Scope, api: true)),
        new PipelineDto(row.Pipeline.Offers, row.Pipeline.Intents, row.Pipeline.Delivered, row.Pipeline.DeliveredYuan),
        row.Rank);

    private static DashRateDto RateOf(Rate rate, string scope, BillPeriod period, int which)
    {
        var (_, part, whole, _) = BillText.Rates[which];
        return new(rate.Percent, rate.Numerator, rate.Denominator,
            BillEndpoints.RecordsLink(scope, period, part, null, api: true), BillEndpoints.RecordsLink(scope, period, whole, null, api: true));
    }
}
