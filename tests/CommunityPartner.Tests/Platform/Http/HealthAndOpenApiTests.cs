using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Platform.Http;

public abstract class HealthTests(AppFactory factory)
{
    [Fact]
    public async Task Healthz_DatabaseUp_AnswersHealthy()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteLane.Name)]
public sealed class HealthTestsOnSqlite(SqliteAppFactory factory) : HealthTests(factory);

[Collection(PostgresLane.Name)]
public sealed class HealthTestsOnPostgres(PostgresAppFactory factory) : HealthTests(factory);

/// <summary>The OpenAPI 3.1 document, exported for CI's lint, and the interactive reference.</summary>
[Collection(SqliteLane.Name)]
public sealed class OpenApiTests(SqliteAppFactory factory)
{
    [Fact]
    public async Task OpenApiDocument_Get_IsOpenApi31DocumentingTheFoundationEndpoints()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(json);
        Assert.StartsWith("3.1", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out var token) && token.TryGetProperty("post", out _), "POST /api/v1/auth/token is not documented");
        Assert.True(paths.TryGetProperty("/api/v1/auth/register", out var register) && register.TryGetProperty("post", out _), "POST /api/v1/auth/register is not documented");
        Assert.True(paths.TryGetProperty("/api/v1/communities", out var communities) && communities.TryGetProperty("get", out _), "GET /api/v1/communities is not documented");

        // CI lints this file (build/test.sh); it is written on every run so the lint never sees a stale copy.
        var target = Path.Combine(RepositoryRoot(), "artifacts", "openapi", "v1.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, json);
        Assert.Equal(json, await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task ApiReference_Get_AnswersPageThatLoadsTheDocumentAndItsScript()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // The page resolves this relative to the site root (scalar.aspnetcore.js), i.e. /openapi/v1.json.
        Assert.Contains("\"url\":\"openapi/v1.json\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var script = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, "scalar.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task ListCommunities_InTheDocument_IsPublicAndTagged()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty("/api/v1/communities").GetProperty("get");
        Assert.Equal("ListCommunities", operation.GetProperty("operationId").GetString());
        Assert.Contains(operation.GetProperty("tags").EnumerateArray(), t => t.GetString() == "Communities");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunityPartner.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CommunityPartner.slnx not found above {AppContext.BaseDirectory}");
    }
}
