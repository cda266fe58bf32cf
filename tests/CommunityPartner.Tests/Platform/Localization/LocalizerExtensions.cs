using System.Globalization;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Tests.Platform.Localization;

internal static class LocalizerExtensions
{
    /// <summary>The English text the app's localizer gives for a Chinese key (the key itself when untranslated).</summary>
    public static string English(this AppFactory factory, string key)
    {
        var text = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = LocalizationServices.English;
        try
        {
            return text[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
