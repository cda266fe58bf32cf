using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPartner.Tests.Modules.Accounts.SignOut;

/// <summary>Signing out ends the session on the server: a copied cookie and every earlier token stop working.</summary>
public abstract class SignOutTests(AppFactory factory)
{
    private readonly AccountStore _store = new(factory);

    [Fact]
    public async Task SignOut_ThroughForm_CopiedCookieNoLongerOpensAccount()
    {
        var user = await factory.Data.UserAsync();
        using var browser = await factory.Data.BrowserAsync(null);
        var signIn = await Html.SubmitFormAsync(browser, "/account/sign-in",
            new Dictionary<string, string> { ["Input.Phone"] = user.Phone, ["Input.Password"] = TestData.Password });
        var authCookies = Responses.AuthCookiesSet(signIn);
        Assert.NotEmpty(authCookies);
        using var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", string.Join("; ", authCookies));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/account")).StatusCode);

        var signOut = await Html.SubmitFormAsync(browser, "/account/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var afterwards = await copy.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/account/sign-in", Responses.LocationPath(afterwards));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
        Assert.Single(await _store.AuditAsync("accounts.sign-out", user.Id));
    }

    [Fact]
    public async Task SignOut_ThroughApi_EveryEarlierTokenGets401()
    {
        var user = await factory.Data.UserAsync();
        using var first = await factory.Data.ApiClientAsync(user);
        using var second = await factory.Data.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/me")).StatusCode);

        var signOut = await first.PostAsync("/api/v1/auth/sign-out", null);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        foreach (var client in new[] { first, second })
        {
            var me = await client.GetAsync("/api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            await ProblemJson.ReadAsync(me);
        }

        Assert.Single(await _store.AuditAsync("accounts.sign-out", user.Id));
    }

    [Fact]
    public async Task SignOut_ThroughApi_NewTokenAfterwardsWorks()
    {
        var user = await factory.Data.UserAsync();
        using var old = await factory.Data.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.NoContent, (await old.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);

        using var fresh = await factory.Data.ApiClientAsync(user);
        var me = await fresh.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Phone, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task SignOut_ThroughApiWithoutToken_Returns401Problem()
    {
        using var client = await factory.Data.ApiClientAsync(null);
        client.DefaultRequestHeaders.Authorization = null;

        var response = await client.PostAsync("/api/v1/auth/sign-out", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(AuthenticationHeaderValue.Parse("Bearer"), Assert.Single(response.Headers.WwwAuthenticate));
        await ProblemJson.ReadAsync(response);
    }
}

[Collection(SqliteLane.Name)]
public sealed class SignOutTestsOnSqlite(SqliteAppFactory factory) : SignOutTests(factory);

[Collection(PostgresLane.Name)]
public sealed class SignOutTestsOnPostgres(PostgresAppFactory factory) : SignOutTests(factory);
