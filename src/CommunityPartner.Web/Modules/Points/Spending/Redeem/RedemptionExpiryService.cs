namespace CommunityPartner.Web.Modules.Points.Spending.Redeem;

/// <summary>
/// Every minute, expires unconfirmed redemption codes whose time is up and releases their points and stock. Safe to run
/// on several instances at once: each code ends exactly once (guarded status update + one closing key per redemption).
/// </summary>
internal sealed partial class RedemptionExpiryService(IServiceScopeFactory scopes, ILogger<RedemptionExpiryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<CloseRedemptionHandler>().ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    LogExpired(expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} unconfirmed redemption codes")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring redemption codes failed; retrying next minute")]
    private partial void LogFailed(Exception exception);
}
