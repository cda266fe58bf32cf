using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Needs;

namespace CommunityPartner.Tests.Modules.Bills;

/// <summary>我的幸福账单: one's own year only — needs raised and what became of them, supports, and a shareable SVG card with a masked name.</summary>
public abstract class PersonalBillTests(AppFactory factory)
{
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task OwnBill_CountsOwnNeedsAndSupportsOnly_CardMasksTheName()
    {
        var actors = await _needs.ActorsAsync();
        var resolved = await NeedsTestData.NeedAsync(actors, NeedStatus.Rated);
        await NeedsTestData.NeedAsync(actors, NeedStatus.Rejected);
        await NeedsTestData.NeedAsync(actors, NeedStatus.Submitted);
        var neighbour = await factory.Data.UserAsync(actors.Community, "隔壁的邻居");
        var neighbourClient = await factory.Data.ApiClientAsync(neighbour);
        var theirs = await NeedsTestData.RaiseAsync(neighbourClient, actors.Community);
        await NeedsTestData.SupportAsync(actors.RaiserClient, theirs);

        var bill = await GetJsonAsync(actors.RaiserClient, "/api/v1/me/bill");

        var needs = bill.GetProperty("needs");
        Assert.Equal((3, 1, 1, 1, 1), (needs.GetProperty("raised").GetInt32(), needs.GetProperty("resolved").GetInt32(),
            needs.GetProperty("rejected").GetInt32(), needs.GetProperty("open").GetInt32(), needs.GetProperty("supported").GetInt32()));
        Assert.Contains(needs.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == resolved);
        Assert.DoesNotContain(needs.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == theirs);
        Assert.Equal("提***", bill.GetProperty("name").GetString()); // 提诉求的居民, masked
        Assert.DoesNotContain(actors.Raiser.Name, bill.GetProperty("name").GetString(), StringComparison.Ordinal);

        var other = await GetJsonAsync(neighbourClient, "/api/v1/me/bill");
        Assert.Equal(1, other.GetProperty("needs").GetProperty("raised").GetInt32());
        Assert.Equal(0, other.GetProperty("needs").GetProperty("supported").GetInt32());

        var browser = await factory.Data.BrowserAsync(actors.Raiser);
        var year = bill.GetProperty("year").GetInt32();
        var card = await browser.GetAsync($"/me/bill/{year}.svg?download=true");
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Equal("image/svg+xml", card.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", card.Content.Headers.ContentDisposition?.DispositionType);
        var svg = await card.Content.ReadAsStringAsync();
        Assert.Contains("<title id=\"card-t\">", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(actors.Raiser.Name, svg, StringComparison.Ordinal);
        Assert.DoesNotContain(actors.Raiser.Phone, svg, StringComparison.Ordinal);
        Assert.Contains(bill.GetProperty("name").GetString()!, svg, StringComparison.Ordinal);

        var page = await Html.GetAsync(browser, "/me/bill");
        Assert.Equal(3, page.QuerySelectorAll(".bill-records li").Length);
        Assert.Equal($"/me/bill/{year}.svg", page.QuerySelector(".personal-card img")!.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".personal-card img")!.GetAttribute("alt")));
    }

    [Fact]
    public async Task Anonymous_Refused_AndBadYearNamesTheField()
    {
        var anonymous = await factory.Data.ApiClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me/bill")).StatusCode);
        var browser = await factory.Data.BrowserAsync(null);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me/bill")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me/bill/2025.svg")).StatusCode);

        var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(await factory.Data.CommunityAsync(), "居民"));
        var response = await resident.GetAsync("/api/v1/me/bill?year=2999");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["year"], ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

[Collection(SqliteLane.Name)]
public sealed class PersonalBillTestsOnSqlite(SqliteAppFactory factory) : PersonalBillTests(factory);

[Collection(PostgresLane.Name)]
public sealed class PersonalBillTestsOnPostgres(PostgresAppFactory factory) : PersonalBillTests(factory);
