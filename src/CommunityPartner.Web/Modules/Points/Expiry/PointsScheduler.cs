using CommunityPartner.Web.Modules.Points.Spending.Redeem;

namespace CommunityPartner.Web.Modules.Points.Expiry;

/// <summary>
/// Every minute expires unconfirmed redemption codes; every hour expires due points and sends month-ahead warnings.
/// Safe on several instances at once: each code ends exactly once, each expiry run has one idempotency key per account
/// and day, and each warning one row per account and month.
/// </summary>
internal sealed partial class PointsScheduler(IServiceScopeFactory scopes, ILogger<PointsScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var tick = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var codes = await scope.ServiceProvider.GetRequiredService<CloseRedemptionHandler>().ExpireDueAsync(stoppingToken);
                if (codes > 0)
                {
                    LogCodes(codes);
                }

                if (tick++ % 60 == 0)
                {
                    var expiry = scope.ServiceProvider.GetRequiredService<PointsExpiry>();
                    LogPoints(await expiry.ExpireDueAsync(stoppingToken), await expiry.WarnAsync(stoppingToken));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} unconfirmed redemption codes")]
    private partial void LogCodes(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Points expiry: {Expired} accounts expired, {Warned} residents warned")]
    private partial void LogPoints(int expired, int warned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scheduled points job failed; retrying next minute")]
    private partial void LogFailed(Exception exception);
}
