using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.Open311;

/// <summary>
/// GeoReport's error format: &lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;&lt;/error&gt;&lt;/errors&gt;, or
/// [{code, description}], with the HTTP status as the code: 404 for what does not exist, 403 for a missing or bad
/// api_key, 400 for anything else.
/// </summary>
public static class GeoErrors
{
    public static GeoReportResult Of(int status, GeoFormat format, params IEnumerable<string> descriptions) =>
        new(status, "errors", new GeoList("error", [.. descriptions.Select(d => new GeoObject { { "code", status }, { "description", d } })]), format);

    /// <summary>A resource in a format we do not offer does not exist; said in XML, the one format every client reads.</summary>
    public static GeoReportResult UnknownFormat(IStringLocalizer<SharedResource> text) =>
        Of(StatusCodes.Status404NotFound, GeoFormat.Xml, text["只提供 .xml 和 .json 两种格式"]);
}

/// <summary>jurisdiction_id is a community code. Reading, it is optional (all communities) and narrows to one community.</summary>
public sealed record Jurisdiction(CommunityInfo? Community, GeoReportResult? Error)
{
    public static async Task<Jurisdiction> CheckAsync(
        string? code, ICommunityDirectory communities, IStringLocalizer<SharedResource> text, GeoFormat format, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return new(null, null);
        }

        var community = await communities.FindByCodeAsync(code.Trim(), ct);
        return community is null
            ? new(null, GeoErrors.Of(StatusCodes.Status404NotFound, format, text["没有这个社区：jurisdiction_id“{0}”", code.Trim()]))
            : new(community, null);
    }
}
