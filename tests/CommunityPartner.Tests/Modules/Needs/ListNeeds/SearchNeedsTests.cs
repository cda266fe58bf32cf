using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Needs.ListNeeds;

/// <summary>
/// Search on the list: Chinese terms of one and two characters (the common case), mixed Chinese and Latin, Latin in
/// any case, and LIKE's wildcards taken literally. Each test searches within its own fresh community.
/// </summary>
public abstract class SearchNeedsTests(AppFactory factory)
{
    [Theory]
    [InlineData("垃圾", "garbage")]
    [InlineData("停车", "parking")]
    [InlineData("垃", "garbage")]
    [InlineData("车", "parking")]
    [InlineData("wifi", "wifi")]
    [InlineData("WIFI", "wifi")]
    [InlineData("WiFi信号", "wifi")]
    [InlineData("wifi信号", "wifi")]
    [InlineData("%", "percent")]
    [InlineData("50%", "percent")]
    [InlineData("_", "underscore")]
    [InlineData("b2_3", "underscore")]
    [InlineData("消防栓", "address")]
    [InlineData("东门 垃圾", "garbage")]
    public async Task SearchApi_Term_FindsExactlyTheNeedsContainingIt(string q, string expected)
    {
        var (community, needs) = await SeedAsync();

        var page = await ListNeedsApiTests.ListAsync(await factory.Data.ApiClientAsync(null), $"community={community.Code}&q={Uri.EscapeDataString(q)}");

        Assert.Equal([needs[expected]], ListNeedsApiTests.Ids(page));
        Assert.Equal(1, page.GetProperty("counts").GetProperty("submitted").GetInt32());
    }

    [Theory]
    [InlineData("垃圾", "garbage")]
    [InlineData("停车", "parking")]
    [InlineData("WIFI信号", "wifi")]
    [InlineData("%", "percent")]
    public async Task SearchPage_Term_ListsExactlyTheNeedsContainingIt(string q, string expected)
    {
        var (community, needs) = await SeedAsync();
        var browser = await factory.Data.BrowserAsync(null);

        var page = await Html.GetAsync(browser, $"/needs?community={community.Code}&q={Uri.EscapeDataString(q)}");

        var links = page.QuerySelectorAll("main ul.needs li.need a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/needs/{needs[expected]}"], links);
        Assert.Equal(q, page.QuerySelector<IHtmlInputElement>("#q")?.Value);
    }

    [Fact]
    public async Task SearchApi_TermFoundNowhere_ReturnsNothingAndZeroCounts()
    {
        var (community, _) = await SeedAsync();

        var page = await ListNeedsApiTests.ListAsync(await factory.Data.ApiClientAsync(null), $"community={community.Code}&q={Uri.EscapeDataString("电梯")}");

        Assert.Empty(ListNeedsApiTests.Ids(page));
        Assert.Equal(0, page.GetProperty("counts").GetProperty("submitted").GetInt32());
    }

    /// <summary>Six needs, each the only one holding its search word; all but one have the address 东门.</summary>
    private async Task<(CommunityRef Community, Dictionary<string, Guid> Needs)> SeedAsync()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var needs = new Dictionary<string, Guid>
        {
            ["garbage"] = await NeedFactory.RaiseAsync(client, community, "3 栋垃圾房满溢发臭", "sanitation", "两天没有清运。"),
            ["parking"] = await NeedFactory.RaiseAsync(client, community, "晚上停车位严重不足", "parking-traffic", "外来车辆占位。"),
            ["wifi"] = await NeedFactory.RaiseAsync(client, community, "活动室WiFi信号太差", "culture-sports", "上网课断线。"),
            ["percent"] = await NeedFactory.RaiseAsync(client, community, "商户虚标 50% 折扣", "other", "价格不实。"),
            ["underscore"] = await NeedFactory.RaiseAsync(client, community, "门牌 b2_3 看不清", "repairs", "字迹脱落。"),
            ["address"] = await NeedFactory.RaiseAsync(client, community, "井盖松动", "safety", "踩上去会晃。", "北门消防栓旁"),
        };
        return (community, needs);
    }
}

[Collection(SqliteLane.Name)]
public sealed class SearchNeedsTestsOnSqlite(SqliteAppFactory factory) : SearchNeedsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class SearchNeedsTestsOnPostgres(PostgresAppFactory factory) : SearchNeedsTests(factory);
