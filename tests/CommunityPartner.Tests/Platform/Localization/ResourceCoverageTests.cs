using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Tests.Platform.Localization;

/// <summary>
/// Every Chinese text the app shows has an English entry in SharedResource.en.resx, and every entry is a usable
/// translation of its key. The keys are read from the source tree, so a new page or message is covered the moment
/// it is written.
/// </summary>
public sealed partial class ResourceCoverageTests
{
    internal static string ResxPath() => Path.Combine(LocalizationKeys.WebProject(), "Resources", "SharedResource.en.resx");

    internal static List<(string Name, string Value)> ReadResx() =>
        [.. XDocument.Load(ResxPath()).Root!.Elements("data").Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""))];

    [Fact]
    public void SourceKeys_ComparedWithEnglishResource_EachHasATranslation()
    {
        var (keys, _) = LocalizationKeys.Scan(LocalizationKeys.WebProject());
        var english = ReadResx().Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        var missing = keys.Where(k => !english.Contains(k.Key)).GroupBy(k => k.Key).ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Count} Chinese key(s) have no English entry in {ResxPath()}. Add:\n" + string.Join("\n", missing.Select(g =>
                $"  <data name=\"{new XText(g.Key)}\" xml:space=\"preserve\"><value>…</value></data>  <!-- {g.First().File}:{g.First().Line} -->")));
    }

    [Fact]
    public void SourceTree_Scanned_FindsKeysInBothCodeAndViews()
    {
        var (keys, _) = LocalizationKeys.Scan(LocalizationKeys.WebProject());

        // Guards the test above against passing because the scan found nothing.
        Assert.Contains(keys, k => k.File.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.File.EndsWith(".cshtml", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.File.Contains("Migrations/", StringComparison.Ordinal) || k.File.EndsWith("DemoSeed.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void SourceTree_Scanned_HasNoChineseThatBypassesTheLocalizer()
    {
        var (_, problems) = LocalizationKeys.Scan(LocalizationKeys.WebProject());

        Assert.True(problems.Count == 0,
            "Chinese text that never reaches the localizer:\n" + string.Join("\n", problems.Select(p => $"  {p.File}:{p.Line}  {p.Text}  ({p.Reason})")));
    }

    [Fact]
    public void EnglishResource_EveryEntry_IsAnEnglishValueWithTheKeysPlaceholders()
    {
        var entries = ReadResx();
        Assert.NotEmpty(entries);

        var bad = new List<string>();
        bad.AddRange(entries.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => $"  duplicate entry: {g.Key}"));
        foreach (var (name, value) in entries)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                bad.Add($"  empty value: {name}");
            }
            else if (LocalizationKeys.HasChinese(value))
            {
                bad.Add($"  Chinese left in the English value: {name} → {value}");
            }
            else if (!Placeholders(name).SetEquals(Placeholders(value)))
            {
                bad.Add($"  placeholders differ: {name} → {value}");
            }
        }

        Assert.True(bad.Count == 0, "SharedResource.en.resx:\n" + string.Join("\n", bad));
    }

    /// <summary>The argument indexes a format string uses: "{0} of {1:N0}" → {0, 1}.</summary>
    private static HashSet<string> Placeholders(string format) =>
        [.. Placeholder().Matches(format).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}

/// <summary>The app's own localizer finds every entry in English, and Chinese stays the key itself.</summary>
[Collection(SqliteLane.Name)]
public sealed class EnglishResourceLookupTests(SqliteAppFactory factory)
{
    [Fact]
    public void Localizer_EveryResourceEntry_ResolvesInEnglishAndStaysChineseInChinese()
    {
        var text = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var entries = ResourceCoverageTests.ReadResx();
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = LocalizationServices.English;
            var notFound = entries.Where(e => text[e.Name].ResourceNotFound || text[e.Name].Value != e.Value).Select(e => e.Name).ToList();
            Assert.True(notFound.Count == 0, "The localizer does not find these entries in English (is the resource embedded under the name it is looked up by?):\n  "
                + string.Join("\n  ", notFound));

            CultureInfo.CurrentUICulture = LocalizationServices.Chinese;
            Assert.All(entries, e => Assert.Equal(e.Name, text[e.Name].Value));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
