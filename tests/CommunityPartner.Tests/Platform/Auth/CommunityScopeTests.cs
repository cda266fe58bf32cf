using System.Net;
using System.Text;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CommunityPartner.Tests.Platform.Auth;

/// <summary>
/// Every endpoint the app maps with <see cref="CommunityScopeAttribute"/>, found at run time (so endpoints added later
/// are covered without listing them): staff of another community are refused, the owning community's staff are not.
/// </summary>
public abstract class CommunityScopeTests(AppFactory factory)
{
    [Fact]
    public async Task ScopedEndpoints_EnumeratedFromTheApp_IncludePagesAndApiEndpoints()
    {
        var endpoints = await ScopedEndpoints.FindAsync(factory.Services);

        Assert.Contains(endpoints, e => e.IsPage);
        Assert.Contains(endpoints, e => e.IsApi);
    }

    [Fact]
    public async Task ScopedEndpoints_EachResolver_HasAResourceFactory()
    {
        var endpoints = await ScopedEndpoints.FindAsync(factory.Services);

        var uncovered = CommunityScopeResources.Uncovered(endpoints, CommunityScopeResources.Factories);

        Assert.True(uncovered.Count == 0, string.Join(Environment.NewLine, uncovered));
    }

    [Fact]
    public async Task ScopedEndpoints_StaffOfAnotherCommunity_AreRefusedWhileOwnStaffAreAdmitted()
    {
        var endpoints = await ScopedEndpoints.FindAsync(factory.Services);
        Assert.NotEmpty(endpoints);
        var uncovered = CommunityScopeResources.Uncovered(endpoints, CommunityScopeResources.Factories);
        Assert.True(uncovered.Count == 0, string.Join(Environment.NewLine, uncovered));

        var a = await factory.Data.CommunityAsync();
        var b = await factory.Data.CommunityAsync();
        var staffA = await factory.Data.StaffAsync(a);
        var staffB = await factory.Data.StaffAsync(b);
        var (apiA, browserA) = (await factory.Data.ApiClientAsync(staffA), await factory.Data.BrowserAsync(staffA));
        var (apiB, browserB) = (await factory.Data.ApiClientAsync(staffB), await factory.Data.BrowserAsync(staffB));

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var value = await CommunityScopeResources.Factories[endpoint.Scope.Resolver](factory, b);
            var path = ScopedEndpoints.BuildPath(endpoint, value);

            using var refused = await SendAsync(endpoint.IsApi ? apiA : browserA, endpoint, path);
            if (await RefusalProblemAsync(endpoint, refused) is { } refusal)
            {
                failures.Add($"{endpoint} as staff of another community, {endpoint.Method} {path}: {refusal}");
            }

            using var admitted = await SendAsync(endpoint.IsApi ? apiB : browserB, endpoint, path);
            if (AdmissionProblem(admitted) is { } admission)
            {
                failures.Add($"{endpoint} as staff of the owning community, {endpoint.Method} {path}: {admission}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Uncovered_EndpointWithUnknownResolver_IsReportedByName()
    {
        var route = RoutePatternFactory.Parse("/api/v1/needs/{id:guid}");
        var endpoints = new[]
        {
            new ScopedEndpoint("known", "GET", RoutePatternFactory.Parse("/api/v1/communities/{code}"), new CommunityScopeAttribute("community", "code"), false),
            new ScopedEndpoint("unknown", "POST", route, new CommunityScopeAttribute("need", "id"), false),
        };

        var uncovered = CommunityScopeResources.Uncovered(endpoints, CommunityScopeResources.Factories);

        var message = Assert.Single(uncovered);
        Assert.Contains("\"need\"", message, StringComparison.Ordinal);
        Assert.Contains("/api/v1/needs/{id:guid}", message, StringComparison.Ordinal);
        Assert.Matches("^/api/v1/needs/[0-9a-f-]{36}$", ScopedEndpoints.BuildPath(endpoints[1] with { Scope = new CommunityScopeAttribute("need", "other") }, "x"));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, ScopedEndpoint endpoint, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.Method is not "GET" and not "HEAD" and not "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    private static async Task<string?> RefusalProblemAsync(ScopedEndpoint endpoint, HttpResponseMessage response)
    {
        if (endpoint.IsApi)
        {
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                return $"expected 403, got {(int)response.StatusCode}";
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return $"expected problem details, got {response.Content.Headers.ContentType}";
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("status", out var status) && status.GetInt32() == 403 ? null : "the problem details lack status 403";
        }

        return response.StatusCode == HttpStatusCode.Forbidden || LocationPath(response) == "/account/denied"
            ? null
            : $"expected 403 or a redirect to /account/denied, got {(int)response.StatusCode} {response.Headers.Location}";
    }

    private static string? AdmissionProblem(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500
            ? $"expected to be let through, got {(int)response.StatusCode}"
            : LocationPath(response) is "/account/denied" or "/account/sign-in"
                ? $"expected to be let through, got redirected to {response.Headers.Location}"
                : null;

    private static string? LocationPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location).AbsolutePath : null;
}

[Collection(SqliteLane.Name)]
public sealed class CommunityScopeTestsOnSqlite(SqliteAppFactory factory) : CommunityScopeTests(factory);

[Collection(PostgresLane.Name)]
public sealed class CommunityScopeTestsOnPostgres(PostgresAppFactory factory) : CommunityScopeTests(factory);
