using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CommunityPartner.Bench.Measure;

public sealed record RunResult(RunFacts Facts, IReadOnlyList<CaseResult> Cases);

/// <summary>
/// Each run writes bench/results/&lt;provider&gt;-&lt;size&gt;.json (numbers) and .md (numbers and every query's plan);
/// <c>report</c> puts the 10 k and 1 M runs of a provider side by side with their ratio.
/// </summary>
public static class ResultFiles
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(string dir, RunResult run)
    {
        Directory.CreateDirectory(dir);
        var name = $"{run.Facts.Provider.ToLowerInvariant()}-{Label(run.Facts.Size)}";
        await File.WriteAllTextAsync(Path.Combine(dir, name + ".json"), JsonSerializer.Serialize(run with { Cases = [.. run.Cases.Select(c => c with { Plans = [] })] }, Json));
        var md = new StringBuilder();
        var f = run.Facts;
        md.AppendLine(CultureInfo.InvariantCulture, $"# {f.Provider}, {f.Needs:N0} needs ({f.Grams:N0} search grams, {f.DatabaseBytes / 1048576.0:N0} MB)").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{f.Engine}; {f.Runtime}; {f.Os}; {f.Cpu}, {f.Cores} cores; {f.At:yyyy-MM-dd HH:mm} UTC.").AppendLine();
        md.AppendLine("| Query | Rows | Calls | Median ms | p95 ms | Min ms |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var c in run.Cases)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Rows} | {c.Iterations} | {c.MedianMs:F2} | {c.P95Ms:F2} | {c.MinMs:F2} |");
        }

        foreach (var c in run.Cases)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {c.Name}").AppendLine();
            foreach (var plan in c.Plans)
            {
                md.AppendLine(plan);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(dir, name + ".md"), md.ToString());
        Console.WriteLine($"Wrote {Path.Combine(dir, name)}.json and .md");
    }

    /// <summary>Markdown table: each query's median and p95 at the smallest and largest size of a provider, and their ratio.</summary>
    public static async Task<string> ReportAsync(string dir)
    {
        var runs = new List<RunResult>();
        foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            runs.Add(JsonSerializer.Deserialize<RunResult>(await File.ReadAllTextAsync(file), Json)!);
        }

        var md = new StringBuilder();
        foreach (var provider in runs.GroupBy(r => r.Facts.Provider))
        {
            var small = provider.MinBy(r => r.Facts.Size)!;
            var large = provider.MaxBy(r => r.Facts.Size)!;
            md.AppendLine(CultureInfo.InvariantCulture, $"### {provider.Key} ({small.Facts.Engine})").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| Query | {Label(small.Facts.Size)} median | {Label(small.Facts.Size)} p95 | {Label(large.Facts.Size)} median | {Label(large.Facts.Size)} p95 | ratio (median) | within 1.5× |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|:---:|");
            foreach (var s in small.Cases)
            {
                if (large.Cases.FirstOrDefault(c => c.Name == s.Name) is not { } l)
                {
                    continue;
                }

                var ratio = l.MedianMs / s.MedianMs;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {s.MedianMs:F2} | {s.P95Ms:F2} | {l.MedianMs:F2} | {l.P95Ms:F2} | {ratio:F2}× | {(ratio <= 1.5 ? "yes" : "**no**")} |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    public static string Label(int size) => size % 1_000_000 == 0 ? $"{size / 1_000_000}m" : size % 1000 == 0 ? $"{size / 1000}k" : size.ToString(CultureInfo.InvariantCulture);
}
