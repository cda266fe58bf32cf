using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Accounts.SignIn;

/// <summary>Sign-in through /account/sign-in: the cookie, the one message for any wrong pair, lockout, local redirects only.</summary>
public abstract class SignInPageTests(AppFactory factory)
{
    private const string WrongCredentials = "手机号或密码不正确";
    private const string LockedOut = "登录失败次数过多，账户已暂时锁定，请 15 分钟后再试";

    [Fact]
    public async Task SignIn_RightPassword_RedirectsHomeAndCookieOpensAccount()
    {
        var user = await factory.Data.UserAsync(name: "登录测试");
        using var client = await factory.Data.BrowserAsync(null);

        var response = await SignInAsync(client, user.Phone, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var account = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var facts = (await Html.ParseAsync(account)).QuerySelector("dl.facts")!.TextContent;
        Assert.Contains(user.Phone, facts, StringComparison.Ordinal);
        Assert.Contains("登录测试", facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutCookie_AccountPageRedirectsToSignIn()
    {
        using var client = await factory.Data.BrowserAsync(null);

        var response = await client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", Responses.LocationPath(response));
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownPhone_ShowsTheSameMessage()
    {
        var user = await factory.Data.UserAsync();
        using var client = await factory.Data.BrowserAsync(null);

        var wrongPassword = await SignInAsync(client, user.Phone, "Wrong0password");
        var unknownPhone = await SignInAsync(client, TestData.NewPhone(), TestData.Password);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownPhone.StatusCode);
        var wrongPasswordErrors = Html.FieldErrors(await Html.ParseAsync(wrongPassword));
        var unknownPhoneErrors = Html.FieldErrors(await Html.ParseAsync(unknownPhone));
        Assert.Equal([WrongCredentials], wrongPasswordErrors);
        Assert.Equal(wrongPasswordErrors, unknownPhoneErrors);
        Assert.Empty(Responses.AuthCookiesSet(wrongPassword));
        Assert.Empty(Responses.AuthCookiesSet(unknownPhone));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FourFailuresThenRightPassword_SignsIn()
    {
        var user = await factory.Data.UserAsync();
        using var client = await factory.Data.BrowserAsync(null);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal([WrongCredentials], Html.FieldErrors(await Html.ParseAsync(await SignInAsync(client, user.Phone, "Wrong0password"))));
        }

        var response = await SignInAsync(client, user.Phone, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_RefusesRightPasswordWithLockoutMessage()
    {
        var user = await factory.Data.UserAsync();
        using var client = await factory.Data.BrowserAsync(null);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, user.Phone, "Wrong0password");
        }

        var response = await SignInAsync(client, user.Phone, TestData.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([LockedOut], Html.FieldErrors(await Html.ParseAsync(response)));
        Assert.Empty(Responses.AuthCookiesSet(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);

        // The token endpoint honours the same lockout.
        using var api = await factory.Data.ApiClientAsync(null);
        var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { phone = user.Phone, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(LockedOut, (await ProblemJson.ReadAsync(token)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("https://evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/account", "/account")]
    public async Task SignIn_WithReturnUrl_RedirectsOnlyToLocalPaths(string returnUrl, string expected)
    {
        var user = await factory.Data.UserAsync();
        using var client = await factory.Data.BrowserAsync(null);

        var response = await SignInAsync(client, user.Phone, TestData.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string phone, string password, string? returnUrl = null) =>
        Html.SubmitFormAsync(
            client,
            returnUrl is null ? "/account/sign-in" : $"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { ["Input.Phone"] = phone, ["Input.Password"] = password });
}

[Collection(SqliteLane.Name)]
public sealed class SignInPageTestsOnSqlite(SqliteAppFactory factory) : SignInPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class SignInPageTestsOnPostgres(PostgresAppFactory factory) : SignInPageTests(factory);
