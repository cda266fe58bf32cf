using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Tests.Modules.Accounts.SignIn;

/// <summary>POST /api/v1/auth/token: a bearer token for the right pair, the same 401 problem for any wrong one.</summary>
public abstract class IssueTokenTests(AppFactory factory)
{
    private const string Endpoint = "/api/v1/auth/token";

    [Fact]
    public async Task IssueToken_RightPassword_Returns200WithAccessTokenAndExpiry()
    {
        var user = await factory.Data.UserAsync();
        using var client = await factory.Data.ApiClientAsync(null);

        var response = await client.PostAsJsonAsync(Endpoint, new { phone = user.Phone, password = TestData.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(token.GetProperty("accessToken").GetString()));
        // One hour, as configured in AuthServices.
        Assert.Equal(3600, token.GetProperty("expiresIn").GetInt64());
    }

    [Fact]
    public async Task IssueToken_WrongPasswordOrUnknownPhone_Returns401ProblemWithSameDetail()
    {
        var user = await factory.Data.UserAsync();
        using var client = await factory.Data.ApiClientAsync(null);

        var wrongPassword = await client.PostAsJsonAsync(Endpoint, new { phone = user.Phone, password = "Wrong0password" });
        var unknownPhone = await client.PostAsJsonAsync(Endpoint, new { phone = TestData.NewPhone(), password = TestData.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownPhone.StatusCode);
        var wrongPasswordProblem = await ProblemJson.ReadAsync(wrongPassword);
        var unknownPhoneProblem = await ProblemJson.ReadAsync(unknownPhone);
        Assert.Equal("手机号或密码不正确", wrongPasswordProblem.GetProperty("detail").GetString());
        Assert.Equal(wrongPasswordProblem.GetProperty("detail").GetString(), unknownPhoneProblem.GetProperty("detail").GetString());
        Assert.Equal(wrongPasswordProblem.GetProperty("title").GetString(), unknownPhoneProblem.GetProperty("title").GetString());
        Assert.False(wrongPasswordProblem.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task IssueToken_Token_OpensMyAccountApi()
    {
        var community = await factory.Data.CommunityAsync();
        var user = await factory.Data.UserAsync(community, "令牌测试");
        using var client = await factory.Data.ApiClientAsync(user);

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(user.Phone, me.GetProperty("phone").GetString());
        Assert.Equal("令牌测试", me.GetProperty("displayName").GetString());
        Assert.Equal(community.Code, me.GetProperty("communityCode").GetString());
        Assert.Equal([Roles.Resident], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task GetMe_WithoutToken_Returns401Problem()
    {
        using var client = await factory.Data.ApiClientAsync(null);

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Equal("请先登录", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetMe_WithForgedToken_Returns401Problem()
    {
        using var client = await factory.Data.ApiClientAsync(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }
}

[Collection(SqliteLane.Name)]
public sealed class IssueTokenTestsOnSqlite(SqliteAppFactory factory) : IssueTokenTests(factory);

[Collection(PostgresLane.Name)]
public sealed class IssueTokenTestsOnPostgres(PostgresAppFactory factory) : IssueTokenTests(factory);
