using System.Diagnostics;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Bench.Measure;

public sealed record CaseResult(string Name, int Iterations, double MedianMs, double P95Ms, double MinMs, int Rows, IReadOnlyList<string> Plans);

/// <summary>One database under test: the app's services over it, its plan capture and its cases.</summary>
public sealed record Lane(IServiceProvider Services, PlanCapture Capture, IReadOnlyList<BenchCase> Cases);

/// <summary>
/// A plain Stopwatch harness. Each call is one request's worth of work: a fresh DI scope (so a fresh DbContext, as
/// ASP.NET Core gives each request), the app's query, the rows materialized. A case runs on all lanes (the 10 k and
/// the 1 M database) in turns — call on one, call on the other — so both see the same load from the rest of the
/// machine and their ratio stays fair. Per case: warm-up calls, then turns until the time budget is spent (at least
/// 10, at most 500 calls a lane); median and 95th percentile (nearest rank). Then one call per lane with plan capture
/// on, outside the timings.
/// </summary>
public sealed class Harness(TimeSpan budget)
{
    private const int WarmUp = 5;
    private const int MinIterations = 10;
    private const int MaxIterations = 500;

    public async Task<IReadOnlyList<CaseResult>> RunAsync(IReadOnlyList<Lane> lanes, int caseIndex)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rows = new int[lanes.Count];
        for (var i = 0; i < WarmUp; i++)
        {
            for (var l = 0; l < lanes.Count; l++)
            {
                rows[l] = await CallAsync(lanes[l], caseIndex);
            }
        }

        var samples = lanes.Select(_ => new List<double>()).ToArray();
        var total = Stopwatch.StartNew();
        while (samples[0].Count < MaxIterations && (samples[0].Count < MinIterations || total.Elapsed < budget))
        {
            for (var l = 0; l < lanes.Count; l++)
            {
                var watch = Stopwatch.StartNew();
                await CallAsync(lanes[l], caseIndex);
                samples[l].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var results = new List<CaseResult>();
        for (var l = 0; l < lanes.Count; l++)
        {
            lanes[l].Capture.Start();
            await CallAsync(lanes[l], caseIndex);
            var plans = lanes[l].Capture.Stop();
            var sorted = samples[l].Order().ToList();
            results.Add(new CaseResult(lanes[l].Cases[caseIndex].Name, sorted.Count, Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[0], rows[l], plans));
        }

        return results;
    }

    private static async Task<int> CallAsync(Lane lane, int caseIndex)
    {
        await using var scope = lane.Services.CreateAsyncScope();
        return await lane.Cases[caseIndex].Run(scope.ServiceProvider.GetRequiredService<NeedSearch>());
    }

    /// <summary>Nearest rank on sorted samples: the smallest sample with at least <paramref name="p"/> of them at or below it.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
