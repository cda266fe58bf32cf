using System.Globalization;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.RaiseNeed;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.Open311;

/// <summary>
/// POST requests: another civic system (the 12345 hotline, a city app) files a need under an API key the district
/// admin issued. It becomes an ordinary web need without a raiser, through the same handler and the same checks as a
/// resident's; a refusal stores nothing. Who reported it (email, names, phone, device, account) is not stored: the
/// need has no place for it and the public list must never show it. media_url is not fetched.
/// </summary>
public sealed class SubmitServiceRequest(
    AppDbContext db, ICommunityDirectory communities, RaiseNeedHandler handler, IStringLocalizer<SharedResource> text)
{
    public async Task<IResult> HandleAsync(string format, HttpRequest request, CancellationToken ct)
    {
        if (!GeoReportResult.TryParseFormat(format, out var f))
        {
            return GeoErrors.UnknownFormat(text);
        }

        IFormCollection form;
        try
        {
            if (!request.HasFormContentType)
            {
                return Bad(f, text["请以 application/x-www-form-urlencoded 提交"]);
            }

            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Bad(f, text["请以 application/x-www-form-urlencoded 提交"]);
        }

        var key = await FindKeyAsync(form["api_key"].ToString(), ct);
        if (key is null)
        {
            return GeoErrors.Of(StatusCodes.Status403Forbidden, f, string.IsNullOrWhiteSpace(form["api_key"]) ? text["缺少 api_key"] : text["api_key 无效或已被吊销"]);
        }

        if (await TargetErrorAsync(form, f, ct) is { } targetError)
        {
            return targetError;
        }

        var description = form["description"].ToString().Trim();
        var (lat, lng) = (Number(form["lat"]), Number(form["long"]));
        var address = form["address_string"].ToString().Trim();
        if (address.Length == 0 && lat is { } la && lng is { } lo && !double.IsNaN(la) && !double.IsNaN(lo))
        {
            // A point alone is a full GeoReport location; our need needs words, so the point is written out.
            address = string.Create(CultureInfo.InvariantCulture, $"{la:0.######}, {lo:0.######}");
        }

        var result = await handler.HandleFromSystemAsync(
            new RaiseNeedCommand(form["jurisdiction_id"].ToString().Trim(), form["service_code"].ToString().Trim(), TitleOf(description), description, address,
                lat, lng, ShowRaiserName: false, NeedChannel.Web, null, []),
            $"open311:{key.Prefix} {key.Name}", ct);
        if (!result.IsOk)
        {
            return result.Kind switch
            {
                ResultKind.Invalid => Bad(f, [.. result.Errors.Items.Where(e => e.Field != "title").Select(e => $"{ParameterOf(e.Field)}: {text[e.MessageKey, e.Args].Value}").Distinct()]),
                ResultKind.NotFound => GeoErrors.Of(StatusCodes.Status404NotFound, f, text[result.MessageKey ?? "未找到该记录", result.Args]),
                _ => Bad(f, text[result.MessageKey ?? "操作与当前状态冲突", result.Args]),
            };
        }

        var need = result.Value!;
        var category = await db.Set<NeedCategory>().AsNoTracking().FirstAsync(c => c.Id == need.CategoryId, ct);
        var created = new GeoObject
        {
            { "service_request_id", need.Id.ToString("D") },
            { "service_notice", text["社区将在 {0} 小时内回应，{1} 天内办结", category.ResponseHours, category.ResolutionDays].Value },
            { "account_id", null },
        };
        return new GeoReportResult(StatusCodes.Status200OK, "service_requests", new GeoList("request", [created]), f);
    }

    /// <summary>GeoReport has no title: the first line of the description is the need's title, cut to fit.</summary>
    public static string TitleOf(string description)
    {
        var firstLine = description.Split('\n', 2)[0].Trim();
        if (firstLine.Length <= Need.TitleMax)
        {
            return firstLine;
        }

        // Never cut between the two halves of a character outside the BMP (an emoji, a rare hanzi).
        return firstLine[..(char.IsHighSurrogate(firstLine[Need.TitleMax - 1]) ? Need.TitleMax - 1 : Need.TitleMax)];
    }

    private async Task<Open311ApiKey?> FindKeyAsync(string plain, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(plain) || plain.Length > 200)
        {
            return null;
        }

        var hash = Open311ApiKey.HashOf(plain.Trim());
        return await db.Set<Open311ApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
    }

    /// <summary>jurisdiction_id and service_code: 400 when missing, 404 when there is no such community or active category.</summary>
    private async Task<IResult?> TargetErrorAsync(IFormCollection form, GeoFormat f, CancellationToken ct)
    {
        var community = form["jurisdiction_id"].ToString().Trim();
        var code = form["service_code"].ToString().Trim();
        var missing = new List<string>();
        if (community.Length == 0)
        {
            missing.Add(text["请提供 jurisdiction_id（社区代码）"]);
        }

        if (code.Length == 0)
        {
            missing.Add(text["请提供 service_code（服务类型）"]);
        }

        if (missing.Count > 0)
        {
            return Bad(f, missing);
        }

        var unknown = new List<string>();
        if (await communities.FindByCodeAsync(community, ct) is null)
        {
            unknown.Add(text["没有这个社区：jurisdiction_id“{0}”", community]);
        }

        if (!await db.Set<NeedCategory>().AnyAsync(c => c.Code == code && c.IsActive, ct))
        {
            unknown.Add(text["没有这个服务类型：{0}", code]);
        }

        return unknown.Count > 0 ? GeoErrors.Of(StatusCodes.Status404NotFound, f, unknown) : null;
    }

    private static GeoReportResult Bad(GeoFormat f, params IEnumerable<string> descriptions) =>
        GeoErrors.Of(StatusCodes.Status400BadRequest, f, descriptions);

    /// <summary>A number GeoReport sent, or NaN when it is not one, so the handler refuses it as a bad map point.</summary>
    private static double? Number(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    /// <summary>The GeoReport parameter a handler field came from, so the client knows what to fix.</summary>
    private static string ParameterOf(string field) => field switch
    {
        "description" => "description",
        "address" => "address_string",
        "latitude" or "longitude" => "lat/long",
        "communityCode" => "jurisdiction_id",
        "categoryCode" => "service_code",
        _ => field,
    };
}
