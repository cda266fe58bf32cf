using Microsoft.AspNetCore.Localization;

namespace CommunityPartner.Web.Platform.Localization;

/// <summary>The language switch and the 长辈版 (large-text) switch; both are remembered per browser in a cookie.</summary>
public static class DisplayPreferenceEndpoints
{
    public const string ElderCookie = ".cp.elder";

    public static IEndpointRouteBuilder MapDisplayPreferences(this IEndpointRouteBuilder app)
    {
        app.MapGet("/preferences/culture", (HttpContext http, string? c, string? returnUrl) =>
        {
            var culture = c == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(
                LocalizationServices.CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                LongLived(http));
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).ExcludeFromDescription();

        app.MapGet("/preferences/elder", (HttpContext http, string? on, string? returnUrl) =>
        {
            if (on == "1")
            {
                http.Response.Cookies.Append(ElderCookie, "1", LongLived(http));
            }
            else
            {
                http.Response.Cookies.Delete(ElderCookie);
            }

            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).ExcludeFromDescription();

        return app;
    }

    public static bool IsElderMode(this HttpContext http) => http.Request.Cookies[ElderCookie] == "1";

    private static CookieOptions LongLived(HttpContext http) => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        IsEssential = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
    };

    /// <summary>Only local paths; anything else (open redirect attempts) goes home.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
