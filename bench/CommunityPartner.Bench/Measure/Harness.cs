using System.Diagnostics;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench.Measure;

public sealed record CaseResult(string Name, int Iterations, double MedianMs, double P95Ms, double MinMs, int Rows, IReadOnlyList<string> Plans);

/// <summary>
/// A plain Stopwatch harness. Each call is one request's worth of work: a fresh DI scope (so a fresh DbContext, as
/// ASP.NET Core gives each request), the app's query, the rows materialized. Per case: warm-up calls, then calls until
/// the time budget is spent (at least 10, at most 500); median and 95th percentile (nearest rank) of those calls.
/// Then one more call with plan capture on, outside the timings.
/// </summary>
public sealed class Harness(IServiceProvider services, PlanCapture capture, TimeSpan budget)
{
    private const int WarmUp = 5;
    private const int MinIterations = 10;
    private const int MaxIterations = 500;

    public async Task<CaseResult> RunAsync(BenchCase benchCase)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rows = 0;
        for (var i = 0; i < WarmUp; i++)
        {
            rows = await CallAsync(benchCase);
        }

        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (samples.Count < MaxIterations && (samples.Count < MinIterations || total.Elapsed < budget))
        {
            var watch = Stopwatch.StartNew();
            await CallAsync(benchCase);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        capture.Start();
        await CallAsync(benchCase);
        var plans = capture.Stop();
        samples.Sort();
        return new CaseResult(benchCase.Name, samples.Count, Percentile(samples, 0.5), Percentile(samples, 0.95), samples[0], rows, plans);
    }

    private async Task<int> CallAsync(BenchCase benchCase)
    {
        await using var scope = services.CreateAsyncScope();
        return await benchCase.Run(scope.ServiceProvider.GetRequiredService<NeedSearch>());
    }

    /// <summary>Nearest rank on sorted samples: the smallest sample with at least <paramref name="p"/> of them at or below it.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
