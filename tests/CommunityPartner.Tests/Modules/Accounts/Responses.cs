namespace CommunityPartner.Tests.Modules.Accounts;

/// <summary>Small readers for redirects and cookies, which the cookie handler writes as absolute URLs and raw headers.</summary>
internal static class Responses
{
    public const string AuthCookie = ".cp.auth";

    private static readonly Uri Base = new("http://localhost");

    /// <summary>The path a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string LocationPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(Base, location).AbsolutePath : "";

    /// <summary>The auth cookie pairs (name=value) a response sets; the cookie may come in chunks.</summary>
    public static IReadOnlyList<string> AuthCookiesSet(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? [.. cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith(AuthCookie, StringComparison.Ordinal) && !c.EndsWith('='))]
            : [];
}
