using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.Sustainability;

public static class SustainabilityEndpoints
{
    /// <summary>Sums in yuan, the rate (percent, capped at 100; null = no record), and where to open the monthly records summed.</summary>
    public sealed record SustainabilityLineDto(
        long CostsYuan, long OwnIncomeYuan, long MerchantYuan, long PartnerYuan, long DistrictYuan, long SelfFundedYuan,
        decimal? RatePercent, long SurplusYuan, int RecordCount, string Records);

    public sealed record SustainabilityProjectDto(Guid ProjectId, string Title, string Link, SustainabilityLineDto Figures);

    /// <summary>The community's (or district's) self-sustainability and each operating project's.</summary>
    public sealed record SustainabilityDto(SustainabilityLineDto Total, IReadOnlyList<SustainabilityProjectDto> Projects);

    public sealed record RecordLineDto(Guid Id, Guid ProjectId, string ProjectTitle, string Month, long CostsYuan, long OwnIncomeYuan, long MerchantYuan, long PartnerYuan, long DistrictYuan);

    /// <param name="Recorded">False for a version published before self-sustainability was part of the bill.</param>
    public sealed record RecordsDto(bool Recorded, int? Version, Guid? ProjectId, SustainabilityLineDto? Figure, int Count, IReadOnlyList<RecordLineDto> Items);

    public static RouteGroupBuilder MapBillSustainabilityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bills/sustainability", async (string? community, string? period, Guid? project, int? version, HttpContext http, SustainabilityRecordsReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await reader.ReadAsync(http.User, community, period, project, version, ct), text, r =>
            {
                var scope = r.Community?.Code ?? BillVersion.DistrictScope;
                return TypedResults.Ok(new RecordsDto(
                    r.Recorded, r.Version, r.Project?.ProjectId, r.Figure is null ? null : Line(r.Figure, Link(scope, r.Period, r.Project?.ProjectId, r.Version, api: true)),
                    r.Records.Count,
                    [.. r.Records.Select(x => new RecordLineDto(x.Id, x.ProjectId, x.ProjectTitle, x.Month, x.CostsYuan, x.OwnIncomeYuan, x.MerchantYuan, x.PartnerYuan, x.DistrictYuan))]));
            }))
        .WithName("GetBillSustainabilityRecords")
        .WithSummary("The monthly running-cost records behind a bill's self-sustainability figure: the community's (or district's) total, or one project's (project=). With version= the records frozen in that version (public); without, the live ones (staff only). Their count and sums are the figure.")
        .WithTags("Bills")
        .Produces<RecordsDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static string Link(string scope, BillPeriod period, Guid? projectId, int? version, bool api = false) =>
        $"{(api ? "/api/v1" : "")}/bills/sustainability?community={Uri.EscapeDataString(scope)}&period={period.Code}"
        + (projectId is { } p ? $"&project={p}" : "") + (version is { } v ? $"&version={v}" : "");

    public static SustainabilityDto? Dto(SustainabilityFigures? figures, string scope, BillPeriod period, int? version) => figures is null ? null : new(
        Line(figures.Total, Link(scope, period, null, version, api: true)),
        [.. figures.Projects.Select(p => new SustainabilityProjectDto(p.ProjectId, p.Title, p.Link, Line(p.Figures, Link(scope, period, p.ProjectId, version, api: true))))]);

    /// <summary>One community's (or the district's) self-sustainability on the dashboard.</summary>
    public sealed record DashboardSustainabilityDto(string Community, string CommunityName, SustainabilityLineDto Figures);

    public static IReadOnlyList<DashboardSustainabilityDto> Dashboard(Dashboard.DashboardView view, IStringLocalizer<SharedResource> text) =>
        [.. new[] { view.District }.Concat(view.Communities.OrderBy(r => r.Community?.Code, StringComparer.Ordinal)).Select(row => new DashboardSustainabilityDto(
            row.Scope,
            row.Community?.DisplayName ?? text["全区"],
            Line(view.Sustainability.Of(row.Community?.Id), Link(row.Scope, view.Period, null, null, api: true))))];

    private static SustainabilityLineDto Line(SustainabilityLine l, string records) =>
        new(l.CostsYuan, l.OwnIncomeYuan, l.MerchantYuan, l.PartnerYuan, l.DistrictYuan, l.SelfFundedYuan, l.RatePercent, l.SurplusYuan, l.Records, records);
}
