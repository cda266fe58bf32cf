using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.Open311;

/// <summary>
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2: categories are services, needs are
/// service requests, a community is a jurisdiction (jurisdiction_id = community code). Every answer, errors included,
/// comes in the format the URL ends with (.xml or .json). Kept out of the OpenAPI document: its own discovery file
/// describes it.
/// </summary>
public static class Open311Endpoints
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>When the service list or definitions last changed shape; clients use it to refresh what they cache.</summary>
    public const string Changeset = "2026-11-28 00:00";

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/open311/v2").ExcludeFromDescription();
        v2.MapGet("/discovery.{format}", Discovery);
        v2.MapGet("/services.{format}", ServicesAsync);
        v2.MapGet("/services/{code}.{format}", ServiceDefinitionAsync);
        v2.MapGet("/requests.{format}", Open311Queries.ListAsync);
        v2.MapGet("/requests/{id}.{format}", Open311Queries.OneAsync);
        v2.MapPost("/requests.{format}", (string format, HttpRequest request, SubmitServiceRequest submit, CancellationToken ct) =>
            submit.HandleAsync(format, request, ct)).DisableAntiforgery();

        // Anything else under /open311/v2, or a method a resource does not take, is answered in GeoReport's own terms.
        v2.Map("/{**rest}", (string? rest, IStringLocalizer<SharedResource> text) =>
            GeoErrors.Of(StatusCodes.Status404NotFound, FormatOfPath(rest), text["没有这个 Open311 接口"]));
        return app;
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static GeoReportResult Discovery(string format, HttpRequest request, IHostEnvironment environment, IStringLocalizer<SharedResource> text)
    {
        if (!GeoReportResult.TryParseFormat(format, out var f))
        {
            return GeoErrors.UnknownFormat(text);
        }

        var endpoint = new GeoObject
        {
            { "specification", Specification },
            { "url", BaseUrl(request) + "/open311/v2" },
            { "changeset", Changeset },
            { "type", environment.IsProduction() ? "production" : "test" },
            { "formats", new GeoList("format", ["text/xml", "application/json"]) },
        };
        var discovery = new GeoObject
        {
            { "changeset", Changeset },
            { "contact", text["绵阳科技城新区社区合伙人平台，由新区管理员维护"].Value },
            { "key_service", text["提交诉求需要 API 密钥，请联系新区管理员签发"].Value },
            { "endpoints", new GeoList("endpoint", [endpoint]) },
        };
        return new GeoReportResult(StatusCodes.Status200OK, "discovery", discovery, f);
    }

    private static async Task<IResult> ServicesAsync(
        string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, AppDbContext db, ICommunityDirectory communities, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (!GeoReportResult.TryParseFormat(format, out var f))
        {
            return GeoErrors.UnknownFormat(text);
        }

        if (await Jurisdiction.CheckAsync(jurisdictionId, communities, text, f, ct) is { Error: { } error })
        {
            return error;
        }

        var categories = await db.Set<NeedCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        return new GeoReportResult(StatusCodes.Status200OK, "services", new GeoList("service", [.. categories.Select(c => Service(c, text))]), f);
    }

    /// <summary>Our categories ask for nothing beyond the standard fields (metadata false), so the definition has no attributes.</summary>
    private static async Task<IResult> ServiceDefinitionAsync(
        string code, string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, AppDbContext db, ICommunityDirectory communities, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (!GeoReportResult.TryParseFormat(format, out var f))
        {
            return GeoErrors.UnknownFormat(text);
        }

        if (await Jurisdiction.CheckAsync(jurisdictionId, communities, text, f, ct) is { Error: { } error })
        {
            return error;
        }

        if (!await db.Set<NeedCategory>().AnyAsync(c => c.Code == code && c.IsActive, ct))
        {
            return GeoErrors.Of(StatusCodes.Status404NotFound, f, text["没有这个服务类型：{0}", code]);
        }

        var definition = new GeoObject { { "service_code", code }, { "attributes", new GeoList("attribute", []) } };
        return new GeoReportResult(StatusCodes.Status200OK, "service_definition", definition, f);
    }

    private static GeoObject Service(NeedCategory c, IStringLocalizer<SharedResource> text) => new()
    {
        { "service_code", c.Code },
        { "service_name", c.DisplayName },
        { "description", text["{0}：社区在 {1} 小时内回应，{2} 天内办结", c.DisplayName, c.ResponseHours, c.ResolutionDays].Value },
        { "metadata", false },
        { "type", "realtime" },
        { "keywords", string.Join(", ", new[] { c.Name, c.NameEn }.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct()) },
        { "group", text["民呼我应"].Value },
    };

    /// <summary>The format of an unknown path, for its error: JSON if it asked for JSON, XML (GeoReport's required format) otherwise.</summary>
    private static GeoFormat FormatOfPath(string? path) =>
        path?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? GeoFormat.Json : GeoFormat.Xml;
}
