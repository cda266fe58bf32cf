using System.Net;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Needs.ListNeeds;

/// <summary>GET /api/v1/needs: filters, counts per status, keyset pages and their cursor.</summary>
public abstract class ListNeedsApiTests(AppFactory factory)
{
    [Fact]
    public async Task List_FilterByCommunityStatusAndCategory_ReturnsOnlyMatchingNeedsAndCountsPerStatus()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var staff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(community));
        var submitted1 = await NeedFactory.RaiseAsync(resident, community, "待回应一");
        var submitted2 = await NeedFactory.RaiseAsync(resident, community, "待回应二", "parking-traffic");
        var responded = await NeedFactory.RaiseAsync(resident, community, "已回应");
        await NeedFactory.MoveAsync(staff, responded, "respond");
        var inProgress = await NeedFactory.RaiseAsync(resident, community, "处理中", "parking-traffic");
        await NeedFactory.MoveAsync(staff, inProgress, "start");
        var resolved = await NeedFactory.RaiseAsync(resident, community, "已解决");
        await NeedFactory.MoveAsync(staff, resolved, "start");
        await NeedFactory.MoveAsync(staff, resolved, "resolve", "已修好");
        var rejected = await NeedFactory.RaiseAsync(resident, community, "不予受理");
        await NeedFactory.MoveAsync(staff, rejected, "reject", "不属于社区职责");
        var elsewhere = await factory.Data.CommunityAsync();
        var outsider = await NeedFactory.RaiseAsync(await factory.Data.ApiClientAsync(await factory.Data.UserAsync(elsewhere)), elsewhere, "别的社区");
        var client = await factory.Data.ApiClientAsync(null);

        var all = await ListAsync(client, $"community={community.Code}");
        Assert.Equal(new[] { rejected, resolved, inProgress, responded, submitted2, submitted1 }, Ids(all));
        Assert.DoesNotContain(outsider, Ids(all));
        Assert.Equal(
            new Dictionary<string, int> { ["submitted"] = 2, ["responded"] = 1, ["in_progress"] = 1, ["resolved"] = 1, ["rated"] = 0, ["rejected"] = 1, ["merged"] = 0 },
            all.GetProperty("counts").Deserialize<Dictionary<string, int>>());
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal(community.Name, i.GetProperty("community").GetString()));

        var submitted = await ListAsync(client, $"community={community.Code}&status=submitted");
        Assert.Equal(new[] { submitted2, submitted1 }, Ids(submitted));
        Assert.All(submitted.GetProperty("items").EnumerateArray(), i => Assert.Equal("submitted", i.GetProperty("status").GetString()));

        var parking = await ListAsync(client, $"community={community.Code}&category=parking-traffic");
        Assert.Equal(new[] { inProgress, submitted2 }, Ids(parking));
        Assert.Equal(1, parking.GetProperty("counts").GetProperty("submitted").GetInt32());
        Assert.Equal(1, parking.GetProperty("counts").GetProperty("in_progress").GetInt32());
        Assert.Equal(0, parking.GetProperty("counts").GetProperty("rejected").GetInt32());

        var all3 = await ListAsync(client, $"community={community.Code}&status=in_progress&category=parking-traffic");
        Assert.Equal(new[] { inProgress }, Ids(all3));
    }

    [Theory]
    [InlineData("community=no-such-community", "community")]
    [InlineData("status=open", "status")]
    [InlineData("category=no-such-category", "category")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task List_UnknownFilterValue_Returns400NamingTheParameter(string query, string key)
    {
        var client = await factory.Data.ApiClientAsync(null);

        var response = await client.GetAsync($"/api/v1/needs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([key], ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
    }

    [Fact]
    public async Task List_SevenNeedsByThree_PagesThreeThreeOneNewestFirstWithoutGapsOrDuplicates()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var raised = new List<Guid>();
        for (var i = 1; i <= 7; i++)
        {
            raised.Add(await NeedFactory.RaiseAsync(resident, community, $"第 {i} 条诉求"));
        }

        var client = await factory.Data.ApiClientAsync(null);
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(client, $"community={community.Code}&limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            pages.Add(page);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([3, 3, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, pages[^1].GetProperty("nextCursor").ValueKind);
        var seen = pages.SelectMany(Ids).ToList();
        Assert.Equal(Enumerable.Reverse(raised), seen);
        var times = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("submittedAt").GetDateTime()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(pages, p => Assert.Equal(7, p.GetProperty("counts").GetProperty("submitted").GetInt32()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task List_FiveNeedsRaisedAtTheSameInstant_PagesByTwoWithoutGapsOrDuplicates(bool search)
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var term = "t" + Guid.NewGuid().ToString("N")[..7];
        var raised = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            raised.Add(await NeedFactory.RaiseAsync(resident, community, $"{term} 同一时刻 {i}"));
        }

        // The cursor is (submitted, id): with one instant for all five, only the id tells the pages apart.
        var instant = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        await new NeedsTestData(factory).QueryAsync(async db =>
        {
            await db.Set<Need>().Where(n => raised.Contains(n.Id)).ExecuteUpdateAsync(u => u.SetProperty(n => n.SubmittedAt, instant));
            return await db.Set<NeedSearchGram>().Where(g => raised.Contains(g.NeedId)).ExecuteUpdateAsync(u => u.SetProperty(g => g.SubmittedAt, instant));
        });

        var client = await factory.Data.ApiClientAsync(null);
        var filter = $"community={community.Code}&limit=2" + (search ? $"&q={term}" : "");
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(client, filter + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(raised.OrderByDescending(id => id.ToString("N"), StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task List_TamperedCursor_Returns400()
    {
        var community = await factory.Data.CommunityAsync();
        var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        for (var i = 0; i < 3; i++)
        {
            await NeedFactory.RaiseAsync(resident, community, $"翻页 {i}");
        }

        var client = await factory.Data.ApiClientAsync(null);
        var cursor = (await ListAsync(client, $"community={community.Code}&limit=1")).GetProperty("nextCursor").GetString()!;
        var valid = await client.GetAsync($"/api/v1/needs?community={community.Code}&limit=1&cursor={cursor}");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);

        string[] tampered =
        [
            cursor[..^6],
            Base64Url("0:" + Guid.NewGuid().ToString("N")),
            Base64Url("638000000000000000:not-a-guid"),
            Base64Url("abc:" + Guid.NewGuid().ToString("N")),
            cursor + "!!",
            new string('A', 120),
        ];
        foreach (var bad in tampered)
        {
            var response = await client.GetAsync($"/api/v1/needs?community={community.Code}&limit=1&cursor={Uri.EscapeDataString(bad)}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Cursor '{bad}' answered {(int)response.StatusCode}.");
            Assert.Equal(["cursor"], ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        }
    }

    internal static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/needs?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/needs?{query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await NeedFactory.JsonAsync(response);
    }

    internal static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static string Base64Url(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

[Collection(SqliteLane.Name)]
public sealed class ListNeedsApiTestsOnSqlite(SqliteAppFactory factory) : ListNeedsApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ListNeedsApiTestsOnPostgres(PostgresAppFactory factory) : ListNeedsApiTests(factory);
