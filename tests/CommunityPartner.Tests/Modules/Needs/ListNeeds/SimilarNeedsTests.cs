using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Needs.ListNeeds;

/// <summary>GET /api/v1/needs/similar: while a title is typed, open needs of the same community that look alike.</summary>
public abstract class SimilarNeedsTests(AppFactory factory)
{
    [Fact]
    public async Task Similar_OpenNeedWithSimilarTitle_SuggestedInItsCommunityOnly()
    {
        var community = await factory.Data.CommunityAsync();
        var other = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var garbage = await NeedFactory.RaiseAsync(client, community, "3 栋楼下垃圾房破旧发臭");
        var unrelated = await NeedFactory.RaiseAsync(client, community, "儿童游乐设施缺少遮阳棚");
        var anonymous = await factory.Data.ApiClientAsync(null);

        var here = await SimilarAsync(anonymous, community.Code, "垃圾房发臭");
        var there = await SimilarAsync(anonymous, other.Code, "垃圾房发臭");

        Assert.Contains(garbage, here);
        Assert.DoesNotContain(unrelated, here);
        Assert.DoesNotContain(garbage, there);
    }

    [Fact]
    public async Task Similar_NeedNoLongerOpen_NotSuggested()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var staff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(community));
        var open = await NeedFactory.RaiseAsync(client, community, "小区路灯晚上不亮");
        var rejected = await NeedFactory.RaiseAsync(client, community, "小区路灯晚上不亮了");
        await NeedFactory.MoveAsync(staff, rejected, "reject", "路灯归市政管理");

        var suggested = await SimilarAsync(await factory.Data.ApiClientAsync(null), community.Code, "路灯不亮");

        Assert.Contains(open, suggested);
        Assert.DoesNotContain(rejected, suggested);
    }

    [Theory]
    [InlineData("no-such-community", "垃圾房")]
    [InlineData("", "垃圾房")]
    public async Task Similar_UnknownOrMissingCommunity_SuggestsNothing(string community, string title)
    {
        var suggested = await SimilarAsync(await factory.Data.ApiClientAsync(null), community, title);

        Assert.Empty(suggested);
    }

    private static async Task<List<Guid>> SimilarAsync(HttpClient client, string community, string title)
    {
        var response = await client.GetAsync($"/api/v1/needs/similar?community={Uri.EscapeDataString(community)}&title={Uri.EscapeDataString(title)}");
        response.EnsureSuccessStatusCode();
        var json = await NeedFactory.JsonAsync(response);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        return [.. json.EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}

[Collection(SqliteLane.Name)]
public sealed class SimilarNeedsTestsOnSqlite(SqliteAppFactory factory) : SimilarNeedsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class SimilarNeedsTestsOnPostgres(PostgresAppFactory factory) : SimilarNeedsTests(factory);
