using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.Open311;

/// <summary>GET requests and GET requests/{id}.</summary>
public static class Open311Queries
{
    public static async Task<IResult> ListAsync(
        string format,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId,
        [FromQuery(Name = "service_request_id")] string? serviceRequestId,
        [FromQuery(Name = "service_code")] string? serviceCode,
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        string? status,
        HttpRequest request, GeoRequests requests, AppDbContext db, ICommunityDirectory communities, IStringLocalizer<SharedResource> text,
        TimeProvider clock, CancellationToken ct)
    {
        if (!GeoReportResult.TryParseFormat(format, out var f))
        {
            return GeoErrors.UnknownFormat(text);
        }

        var jurisdiction = await Jurisdiction.CheckAsync(jurisdictionId, communities, text, f, ct);
        if (jurisdiction.Error is { } notFound)
        {
            return notFound;
        }

        var errors = new List<string>();
        var ids = List(serviceRequestId) is { Count: > 0 } idTexts
            ? idTexts.Select(t => Guid.TryParse(t, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Take(GeoRequests.MaxRequests).ToList()
            : null;

        var codes = List(serviceCode);
        List<Guid>? categoryIds = null;
        if (codes.Count > 0)
        {
            var known = await db.Set<NeedCategory>().AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
            errors.AddRange(codes.Except(known.Select(k => k.Code)).Select(c => text["没有这个服务类型：{0}", c].Value));
            categoryIds = [.. known.Select(k => k.Id)];
        }

        var statuses = new List<NeedStatus>();
        foreach (var s in List(status))
        {
            if (s is "open" or "closed")
            {
                statuses.AddRange(GeoRequests.StatusesOf(s == "open"));
            }
            else
            {
                errors.Add(text["status 只能是 open 或 closed"]);
            }
        }

        var (from, to) = Window(startDate, endDate, clock.GetUtcNow().UtcDateTime, errors, text);
        if (errors.Count > 0 && ids is null)
        {
            return GeoErrors.Of(StatusCodes.Status400BadRequest, f, errors);
        }

        var found = await requests.ListAsync(
            new GeoRequestQuery(jurisdiction.Community?.Id, ids, categoryIds, statuses, from, to), Open311Endpoints.BaseUrl(request), ct);
        return new GeoReportResult(StatusCodes.Status200OK, "service_requests", new GeoList("request", [.. found]), f);
    }

    public static async Task<IResult> OneAsync(
        string id, string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId,
        HttpRequest request, GeoRequests requests, ICommunityDirectory communities, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (!GeoReportResult.TryParseFormat(format, out var f))
        {
            return GeoErrors.UnknownFormat(text);
        }

        var jurisdiction = await Jurisdiction.CheckAsync(jurisdictionId, communities, text, f, ct);
        if (jurisdiction.Error is { } notFound)
        {
            return notFound;
        }

        var found = Guid.TryParse(id, out var needId) ? await requests.FindAsync(needId, jurisdiction.Community?.Id, Open311Endpoints.BaseUrl(request), ct) : null;
        return found is null
            ? GeoErrors.Of(StatusCodes.Status404NotFound, f, text["没有这条诉求：service_request_id“{0}”", id])
            : new GeoReportResult(StatusCodes.Status200OK, "service_requests", new GeoList("request", [found]), f);
    }

    /// <summary>
    /// The span searched: start_date..end_date, at most 90 days. Without either, the last 90 days; with one, the 90
    /// days that start or end there.
    /// </summary>
    private static (DateTime From, DateTime To) Window(string? start, string? end, DateTime now, List<string> errors, IStringLocalizer<SharedResource> text)
    {
        var span = TimeSpan.FromDays(GeoRequests.MaxDays);
        DateTime? from = null, to = null;
        foreach (var (value, isStart) in new[] { (start, true), (end, false) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!GeoTime.TryParse(value, out var parsed))
            {
                errors.Add(text["{0} 须为 ISO 8601 时间，如 2026-01-01T00:00:00+08:00", isStart ? "start_date" : "end_date"]);
            }
            else if (isStart)
            {
                from = parsed;
            }
            else
            {
                to = parsed;
            }
        }

        var (f, t) = (from, to) switch
        {
            ({ } a, { } b) => (a, b),
            ({ } a, null) => (a, a + span),
            (null, { } b) => (b - span, b),
            _ => (now - span, now),
        };
        if (f > t)
        {
            errors.Add(text["start_date 不能晚于 end_date"]);
        }
        else if (t - f > span)
        {
            errors.Add(text["查询的时间跨度不能超过 {0} 天", GeoRequests.MaxDays]);
        }

        return (f, t);
    }

    /// <summary>A comma-separated argument (service_request_id, service_code, status), trimmed, without blanks.</summary>
    private static List<string> List(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
}
