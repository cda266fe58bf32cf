using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace CommunityPartner.Web.Platform.Localization;

public static class LocalizationServices
{
    public const string CookieName = ".cp.culture";
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly IReadOnlyList<CultureInfo> Supported = [Chinese, English];

    public static IServiceCollection AddPlatformLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<IConfigureOptions<MvcOptions>, ModelBindingMessages>();
        // Emit Chinese as UTF-8 text rather than &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = [.. Supported];
            o.SupportedUICultures = [.. Supported];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new ChineseAwareAcceptLanguageProvider(),
            ];
        });
        return services;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

/// <summary>Accept-Language, where any Chinese tag (zh, zh-Hans, zh-TW…) selects zh-CN.</summary>
internal sealed class ChineseAwareAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var lang in header.OrderByDescending(h => h.Quality ?? 1))
        {
            var tag = lang.Value.Value ?? "";
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult("zh-CN"));
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult("en"));
            }
        }

        return NullProviderCultureResult;
    }
}
