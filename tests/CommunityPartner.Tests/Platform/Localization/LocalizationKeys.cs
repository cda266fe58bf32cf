using System.Text.RegularExpressions;

namespace CommunityPartner.Tests.Platform.Localization;

/// <summary>A Chinese localization key found in the source, and where.</summary>
public sealed record LocalizationKey(string Key, string File, int Line);

/// <summary>Chinese text that cannot reach the localizer (an interpolated key, text hard-coded in markup).</summary>
public sealed record LocalizationProblem(string File, int Line, string Text, string Reason);

/// <summary>
/// Finds the app's localization keys the way the app uses them: the Chinese text itself is the key. In C#, every
/// string literal with Chinese in it is a key (handlers, NavItems, roles, problem titles, Identity messages...),
/// except in migrations and demo seeds, whose Chinese is data. In Razor, the keys are <c>T["..."]</c> and the
/// <c>label</c>/<c>hint</c> of <c>&lt;field&gt;</c>; any other Chinese left in a view is a problem.
/// </summary>
public static partial class LocalizationKeys
{
    /// <summary>Bilingual on purpose, never looked up: the OpenAPI document's title and description, for developers.</summary>
    private static readonly HashSet<string> NotKeys = new(StringComparer.Ordinal)
    {
        "社区合伙人 · Community Partner API",
        "社区合伙人 API",
        "Needs (民呼我应), communities, projects, partners, points and happiness bills of Mianyang Science City New District. ",
    };

    /// <summary>The language switch names Chinese in Chinese, whatever the page's language.</summary>
    private const string LanguageSelfName = "\"中文\"";

    public static bool HasChinese(string text) => ChinesePattern().IsMatch(text);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunityPartner.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CommunityPartner.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string WebProject() => Path.Combine(RepositoryRoot(), "src", "CommunityPartner.Web");

    /// <summary>Scans every .cs and .cshtml file of the web project (build output excluded).</summary>
    public static (List<LocalizationKey> Keys, List<LocalizationProblem> Problems) Scan(string projectDir)
    {
        var keys = new List<LocalizationKey>();
        var problems = new List<LocalizationProblem>();
        foreach (var path in Directory.EnumerateFiles(projectDir, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(projectDir, path).Replace('\\', '/');
            var parts = relative.Split('/');
            if (parts.Contains("bin") || parts.Contains("obj") || parts.Contains("Migrations") || relative.EndsWith("DemoSeed.cs", StringComparison.Ordinal))
            {
                continue;
            }

            if (relative.EndsWith(".cs", StringComparison.Ordinal))
            {
                FromCSharp(File.ReadAllText(path), relative, keys, problems);
            }
            else if (relative.EndsWith(".cshtml", StringComparison.Ordinal))
            {
                FromRazor(File.ReadAllText(path), relative, keys, problems);
            }
        }

        return (keys, problems);
    }

    public static void FromCSharp(string source, string file, List<LocalizationKey> keys, List<LocalizationProblem> problems)
    {
        foreach (var literal in CSharpStrings.Read(source).Where(s => HasChinese(s.Value) && !NotKeys.Contains(s.Value)))
        {
            if (literal.Interpolated)
            {
                problems.Add(new(file, literal.Line, literal.Value, "an interpolated string cannot be a key: use T[\"…{0}…\", value]"));
            }
            else
            {
                keys.Add(new(literal.Value, file, literal.Line));
            }
        }
    }

    public static void FromRazor(string source, string file, List<LocalizationKey> keys, List<LocalizationProblem> problems)
    {
        // Blank out what has been accounted for, keeping line breaks so lines still match the file; whatever
        // Chinese is left after that is hard-coded.
        var uncommented = RazorComment().Replace(source, Blank);
        var withoutCalls = LocalizerCall().Replace(uncommented, m => Take(m, m.Groups["key"].Value, isCSharp: true, LineOf(uncommented, m.Index)));
        var rest = FieldTag().Replace(withoutCalls, tag => FieldAttribute().Replace(
            tag.Value, m => Take(m, m.Groups["key"].Value, isCSharp: false, LineOf(withoutCalls, tag.Index + m.Index))));
        rest = rest.Replace(LanguageSelfName, "", StringComparison.Ordinal);
        var lines = rest.Split('\n');
        var original = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (HasChinese(lines[i]))
            {
                problems.Add(new(file, i + 1, original[i].Trim(), "Chinese in a view must go through T[\"…\"] (or a <field> label/hint)"));
            }
        }

        string Take(Match m, string key, bool isCSharp, int line)
        {
            var value = isCSharp ? CSharpStrings.Read(key).Single().Value : key;
            if (HasChinese(value))
            {
                keys.Add(new(value, file, line));
            }

            return Blank(m);
        }
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Blank(Match m) => new(m.Value.Where(c => c == '\n').ToArray());

    /// <summary>Han ideographs, CJK punctuation (、。：) and fullwidth forms (，（）).</summary>
    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]")]
    private static partial Regex ChinesePattern();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    /// <summary>T["…"] or T["…", args] in a view; the group is the whole C# literal, quotes included.</summary>
    [GeneratedRegex("""(?<![\w.])T\[\s*(?<key>"(?:[^"\\\r\n]|\\.)*")""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"<field\b[^>]*>")]
    private static partial Regex FieldTag();

    [GeneratedRegex(@"\b(?:label|hint)\s*=\s*""(?<key>[^""]*)""")]
    private static partial Regex FieldAttribute();
}
