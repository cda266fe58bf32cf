using CommunityPartner.Web.Modules.Bills.PublishBill;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills;

public static class BillEndpoints
{
    /// <summary>
    /// A figure: its count and where to open the records it counts. Contribution figures add their amounts (yuan,
    /// service hours, resource value in yuan), points figures the points; null where the figure has none. A published
    /// version made before a figure existed leaves it out.
    /// </summary>
    public sealed record FigureDto(
        string Code, string Label, int Count, string Records,
        long? MoneyYuan = null, long? ServiceHours = null, long? ResourceYuan = null, long? Points = null);

    /// <summary>A share in percent (one decimal); null when there is nothing to divide by.</summary>
    public sealed record RateDto(decimal? Percent, int Numerator, int Denominator);

    /// <param name="Version">The published version shown; null for live (draft) figures.</param>
    /// <param name="ContentHash">SHA-256 of the frozen figures and record ids; null for live figures.</param>
    public sealed record BillDto(
        string Community,
        string CommunityName,
        string Period,
        DateTime PeriodStart,
        DateTime PeriodEnd,
        int? Version,
        DateTime? PublishedAt,
        string? ContentHash,
        string? Note,
        IReadOnlyList<FigureDto> Figures,
        RateDto ResponseRate,
        RateDto ResolutionRate,
        RateDto SatisfactionRate,
        double? MedianResponseHours,
        double? MedianResolutionHours,
        IReadOnlyList<int> Versions)
    {
        /// <summary>Self-sustainability (自我造血); null in a version published before it was part of the bill.</summary>
        public Sustainability.SustainabilityEndpoints.SustainabilityDto? Sustainability { get; init; }

        /// <summary>
        /// 亮点: the projects the 完成的项目 figure counts (for a published version, its frozen ids), with their photos
        /// and the needs they answered, as the bill page shows them.
        /// </summary>
        public IReadOnlyList<HighlightDto> Highlights { get; init; } = [];
    }

    /// <summary>A need a highlighted project answered: public fields only (title and status code).</summary>
    public sealed record HighlightNeedDto(Guid Id, string Title, string Status, string Link);

    /// <summary>
    /// A highlight: a completed project, its before photo (the cover; null when it has none), its after photos (those of
    /// its latest progress update with photos posted at or after completion) and the needs it answered.
    /// </summary>
    public sealed record HighlightDto(
        Guid Id, string Title, string Summary, DateTime CompletedAt, string Link, string? BeforePhoto, IReadOnlyList<string> AfterPhotos, IReadOnlyList<HighlightNeedDto> Needs);

    /// <summary>
    /// A record behind a figure. Id: a need's, project's, intent's, delivery's or resident's id, or a ledger transfer's
    /// number. Pledges and deliveries name the partner (individuals only as 爱心人士) and project; residents are masked.
    /// </summary>
    public sealed record RecordDto(
        string Id, string Title, string Status, string? Link,
        DateTime? At = null, long? MoneyYuan = null, long? ServiceHours = null, long? ResourceYuan = null, long? Points = null);

    public sealed record RecordsDto(string Figure, int Count, int? Version, IReadOnlyList<RecordDto> Items);

    public sealed record PublishRequest(string? Community, string? Period, string? Note);

    public static RouteGroupBuilder MapBillsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bills", async (string? community, string? period, int? version, BillReader reader, BillHighlightsReader highlights, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await reader.ReadPublishedAsync(community, period, version, ct);
            if (result.IsOk && result.Value!.Shown is null)
            {
                return ApiResults.Problem(StatusCodes.Status404NotFound, text["这一期账单尚未发布"]);
            }

            IReadOnlyList<HighlightDto> shown = result.IsOk ? await PublishedHighlightsAsync(result.Value!, highlights, ct) : [];
            return ApiResults.From(result, text, bill => TypedResults.Ok(Published(bill, text) with { Highlights = shown }));
        })
        .WithName("GetBill")
        .WithSummary("A published happiness bill: community code (empty or 'district' for the district) and period (2025, 2025-Q2, 2025-06; default: the last closed quarter). The latest version unless version= is given.")
        .WithTags("Bills")
        .Produces<BillDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/bills/draft", async (string? community, string? period, HttpContext http, BillReader reader, BillHighlightsReader highlights, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await reader.ReadDraftAsync(http.User, community, period, ct);
            IReadOnlyList<HighlightDto> shown = result.IsOk
                ? Highlights(await highlights.ReadAsync(await reader.CompletedProjectIdsAsync(result.Value!.Community, result.Value.Period, ct), ct))
                : [];
            return ApiResults.From(result, text, sheet => TypedResults.Ok(Live(sheet, text) with { Highlights = shown }));
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("GetDraftBill")
        .WithSummary("The live figures of a bill before publication: staff of the community and the district admin only.")
        .WithTags("Bills")
        .Produces<BillDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/bills/records", async (string? community, string? period, string? figure, int? version, HttpContext http, BillReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await reader.RecordsAsync(http.User, community, period, figure, version, ct), text, records => TypedResults.Ok(Records(records, text))))
        .WithName("GetBillRecords")
        .WithSummary("The records one figure counts: with version= the ids frozen in that published version (public); without, the live ones (staff only). Their number is the figure.")
        .WithTags("Bills")
        .Produces<RecordsDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/bills/publish", async (PublishRequest input, HttpContext http, PublishBillHandler handler, BillReader reader, BillHighlightsReader highlights, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.PublishAsync(http.User, input.Community, input.Period, input.Note, ct);
            if (!result.IsOk)
            {
                return ApiResults.From(result, text, _ => TypedResults.Ok());
            }

            var published = await reader.ReadPublishedAsync(input.Community, input.Period, result.Value!.Number, ct);
            var scope = string.IsNullOrWhiteSpace(input.Community) ? BillVersion.DistrictScope : input.Community.Trim();
            var shown = await PublishedHighlightsAsync(published.Value!, highlights, ct);
            return TypedResults.Created(
                $"/api/v1/bills?community={scope}&period={result.Value.PeriodCode}&version={result.Value.Number}", Published(published.Value!, text) with { Highlights = shown });
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("PublishBill")
        .WithSummary("Freeze the live figures of a closed period as the bill's next version. A correction (any version after the first) needs a note and must differ from the latest.")
        .WithTags("Bills")
        .Produces<BillDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static string RecordsLink(string scope, BillPeriod period, BillFigure figure, int? version, bool api = false) =>
        $"{(api ? "/api/v1" : "")}/bills/records?community={Uri.EscapeDataString(scope)}&period={period.Code}&figure={BillText.Code(figure)}" + (version is { } v ? $"&version={v}" : "");

    private static BillDto Live(BillSheet sheet, IStringLocalizer<SharedResource> text)
    {
        var scope = sheet.Community?.Code ?? BillVersion.DistrictScope;
        return new(
            scope,
            sheet.Community?.DisplayName ?? text["全区"],
            sheet.Period.Code,
            sheet.Period.StartUtc,
            sheet.Period.EndUtc,
            null,
            null,
            null,
            null,
            Figures(FrozenFigures.Of(sheet), scope, sheet.Period, null, text),
            RateOf(sheet.ResponseRate),
            RateOf(sheet.ResolutionRate),
            RateOf(sheet.SatisfactionRate),
            sheet.MedianResponseTime is { } r ? Math.Round(r.TotalHours, 1) : null,
            sheet.MedianResolutionTime is { } s ? Math.Round(s.TotalHours, 1) : null,
            [])
        {
            Sustainability = Sustainability.SustainabilityEndpoints.Dto(sheet.Sustainability, scope, sheet.Period, null),
        };
    }

    private static BillDto Published(PublishedBill bill, IStringLocalizer<SharedResource> text)
    {
        var version = bill.Shown!;
        var figures = version.Figures;
        var scope = bill.Community?.Code ?? BillVersion.DistrictScope;
        return new(
            scope,
            bill.Community?.DisplayName ?? text["全区"],
            bill.Period.Code,
            bill.Period.StartUtc,
            bill.Period.EndUtc,
            version.Number,
            version.PublishedAt,
            version.ContentHash,
            version.Note,
            Figures(figures, scope, bill.Period, version.Number, text),
            FrozenRate(figures.ResponseRate, figures[BillFigure.AnsweredOnTime], figures[BillFigure.Received]),
            FrozenRate(figures.ResolutionRate, figures[BillFigure.Resolved], figures[BillFigure.ToResolve]),
            FrozenRate(figures.SatisfactionRate, figures[BillFigure.Satisfied], figures[BillFigure.Rated]),
            figures.MedianResponseHours,
            figures.MedianResolutionHours,
            [.. bill.Versions.Select(v => v.Number)])
        {
            Sustainability = Sustainability.SustainabilityEndpoints.Dto(figures.Sustainability, scope, bill.Period, version.Number),
        };
    }

    private static List<FigureDto> Figures(FrozenFigures figures, string scope, BillPeriod period, int? version, IStringLocalizer<SharedResource> text) =>
        [.. Enum.GetValues<BillFigure>().Where(figures.Has).Select(f =>
        {
            var dto = new FigureDto(BillText.Code(f), text[BillText.LabelKey(f)], figures[f], RecordsLink(scope, period, f, version, api: true));
            return figures.SumsOf(f) is { } sums
                ? dto with { MoneyYuan = sums.MoneyYuan, ServiceHours = sums.ServiceHours, ResourceYuan = sums.ResourceYuan }
                : f switch
                {
                    BillFigure.PointsIssued => dto with { Points = figures.PointsIssued },
                    BillFigure.PointsRedeemed => dto with { Points = figures.PointsRedeemed },
                    _ => dto,
                };
        })];

    /// <summary>The highlights of a published version: the completed projects frozen in it, as the bill page shows them.</summary>
    private static async Task<IReadOnlyList<HighlightDto>> PublishedHighlightsAsync(PublishedBill bill, BillHighlightsReader highlights, CancellationToken ct) =>
        bill.Shown is { } shown
            ? Highlights(await highlights.ReadAsync(shown.Records.GetValueOrDefault(BillText.Code(BillFigure.ProjectsCompleted)) ?? [], ct))
            : [];

    private static List<HighlightDto> Highlights(IReadOnlyList<BillHighlight> highlights) =>
        [.. highlights.Select(h => new HighlightDto(
            h.Project.Id,
            h.Project.Title,
            h.Project.Summary,
            h.Project.CompletedAt,
            h.Project.Link,
            h.Project.Before?.Url,
            [.. h.Project.After.Select(a => a.Url)],
            [.. h.Needs.Select(n => new HighlightNeedDto(n.Id, n.Title, n.StatusCode, $"/needs/{n.Id}"))]))];

    private static RecordsDto Records(BillRecords records, IStringLocalizer<SharedResource> text)
    {
        var names = records.Residents.ToDictionary(r => r.Id, r => r.MaskedName);
        List<RecordDto> items = records.Kind switch
        {
            BillRecordKind.Projects => [.. records.Projects.Select(p => new RecordDto(p.Id.ToString(), p.Title, p.StatusCode, p.Link))],
            BillRecordKind.Intents or BillRecordKind.Deliveries => [.. records.Contributions.Select(c => new RecordDto(
                c.Id.ToString(),
                $"{text[BillRecords.PartnerShown(c)]} · {records.ContributionProjects.GetValueOrDefault(c.ProjectId)?.Title}",
                c.PartnerTypeCode,
                records.ContributionProjects.GetValueOrDefault(c.ProjectId)?.Link,
                c.At,
                c.MoneyYuan,
                c.ServiceHours,
                c.ResourceYuan))],
            BillRecordKind.Transfers => [.. records.Moves.Select(m => new RecordDto(
                m.TransferId.ToString(System.Globalization.CultureInfo.InvariantCulture), names.GetValueOrDefault(m.ResidentId) ?? "*", m.KindCode, null, m.At, Points: m.Points))],
            BillRecordKind.Residents => [.. records.Residents.Select(r => new RecordDto("", r.MaskedName, "resident", null))],
            _ => [.. records.Needs.Select(n => new RecordDto(n.Id.ToString(), n.Title, n.StatusCode, $"/needs/{n.Id}"))],
        };
        return new(BillText.Code(records.Figure), records.Count, records.Version, items);
    }

    private static RateDto RateOf(Rate rate) => new(rate.Percent, rate.Numerator, rate.Denominator);

    private static RateDto FrozenRate(decimal? percent, int numerator, int denominator) => new(percent, numerator, denominator);
}
