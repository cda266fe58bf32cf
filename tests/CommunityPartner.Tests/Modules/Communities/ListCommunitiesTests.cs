using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Communities;

public abstract class ListCommunitiesTests(AppFactory factory)
{
    [Fact]
    public async Task GetCommunities_Anonymous_ListsCreatedCommunitiesWithCodeNameAndDistrict()
    {
        var first = await factory.Data.CommunityAsync();
        var second = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(null);

        var response = await client.GetAsync("/api/v1/communities");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var community in new[] { first, second })
        {
            var item = Assert.Single(list.EnumerateArray(), c => c.GetProperty("code").GetString() == community.Code);
            Assert.Equal(community.Name, item.GetProperty("name").GetString());
            Assert.Equal(await factory.DistrictNameOfAsync(community.Code), item.GetProperty("district").GetString());
        }
    }

    [Fact]
    public async Task CommunitiesPage_Anonymous_ShowsCreatedCommunity()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.BrowserAsync(null);

        var page = await Html.GetAsync(client, "/communities");

        Assert.Contains(page.QuerySelectorAll(".card h2"), h => h.TextContent.Trim() == community.Name);
    }
}

[Collection(SqliteLane.Name)]
public sealed class ListCommunitiesTestsOnSqlite(SqliteAppFactory factory) : ListCommunitiesTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ListCommunitiesTestsOnPostgres(PostgresAppFactory factory) : ListCommunitiesTests(factory);
