using System.Globalization;
using System.Threading.RateLimiting;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommunityPartner.Web.Platform.Web;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, token and registration attempts allowed per client address per window.</summary>
    public int AccountPermits { get; set; } = 10;

    public int AccountWindowSeconds { get; set; } = 60;
}

public static class RateLimits
{
    /// <summary>The policy for sign-in, registration and the token endpoint.</summary>
    public const string Accounts = "accounts";

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Accounts, http =>
            {
                // Only attempts count: showing the sign-in or registration form must not use up a person's tries.
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("views");
                }

                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var key = http.Connection.RemoteIpAddress?.ToString() ?? "local";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.AccountPermits,
                    Window = TimeSpan.FromSeconds(options.AccountWindowSeconds),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (ctx, token) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
                var seconds = (int)Math.Ceiling(retry.TotalSeconds);
                ctx.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var text = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                var detail = text["操作太频繁，请在 {0} 秒后再试", seconds].Value;
                var written = await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Detail = detail },
                });
                if (!written)
                {
                    // A browser form post: answer in plain words rather than JSON.
                    ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                    await ctx.HttpContext.Response.WriteAsync(detail, token);
                }
            };
        });
        return services;
    }
}
