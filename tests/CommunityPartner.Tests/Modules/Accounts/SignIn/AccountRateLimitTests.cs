using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Data;

namespace CommunityPartner.Tests.Modules.Accounts.SignIn;

/// <summary>A host allowing 3 account attempts a minute, so the limit is reached in a few requests (its own host: the budget is per host).</summary>
public sealed class RateLimitedAppFactory() : AppFactory(DatabaseProvider.Sqlite)
{
    public const int Permits = 3;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimits:AccountPermits"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:AccountWindowSeconds"] = "60",
    };
}

public sealed class AccountRateLimitTests(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task IssueToken_OverLimitWithinWindow_Returns429WithRetryAfterProblem()
    {
        var user = await factory.Data.UserAsync();
        using var client = await factory.Data.ApiClientAsync(null);
        var body = new { phone = user.Phone, password = TestData.Password };
        for (var i = 0; i < RateLimitedAppFactory.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", body)).StatusCode);
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", body);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Equal("请求过于频繁，请稍后再试", problem.GetProperty("title").GetString());
        Assert.Equal($"操作太频繁，请在 {retryAfter.Value.TotalSeconds} 秒后再试", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("accessToken", out _));
    }
}

/// <summary>
/// Its own low-limit host: only attempts (posts) count, so opening the forms never uses up a person's tries; the
/// attempt over the limit is refused.
/// </summary>
public sealed class AccountRateLimitPageTests(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task SignInForm_ViewsAreFreeButAttemptOverLimit_Returns429WithRetryAfter()
    {
        var user = await factory.Data.UserAsync();
        using var browser = await factory.Data.BrowserAsync(null);
        for (var i = 0; i < RateLimitedAppFactory.Permits + 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/sign-in")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/register")).StatusCode);
        }

        // Each attempt below loads the form again first; only its post counts.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, user.Phone)).StatusCode);
        for (var i = 1; i < RateLimitedAppFactory.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(browser, TestData.NewPhone())).StatusCode);
        }

        var refused = await SignInAsync(browser, user.Phone);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string phone) =>
        Html.SubmitFormAsync(client, "/account/sign-in",
            new Dictionary<string, string> { ["Input.Phone"] = phone, ["Input.Password"] = TestData.Password });
}
