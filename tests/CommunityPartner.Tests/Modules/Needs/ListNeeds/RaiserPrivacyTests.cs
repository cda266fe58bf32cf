using System.Net;
using AngleSharp.Dom;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Needs.ListNeeds;

/// <summary>The public list and need views never show the raiser's phone, and show their name only if they chose to.</summary>
public abstract class RaiserPrivacyTests(AppFactory factory)
{
    [Fact]
    public async Task ListAndNeedViews_AnyViewer_NeverContainTheRaisersPhone()
    {
        var community = await factory.Data.CommunityAsync();
        var raiser = await factory.Data.UserAsync(community, "张三丰");
        var id = await NeedFactory.RaiseAsync(await factory.Data.ApiClientAsync(raiser), community, "隐私检查", showRaiserName: true);
        var viewers = new[]
        {
            ("anonymous", await factory.Data.BrowserAsync(null)),
            ("neighbour", await factory.Data.BrowserAsync(await factory.Data.UserAsync(community))),
            ("staff", await factory.Data.BrowserAsync(await factory.Data.StaffAsync(community))),
            ("raiser", await factory.Data.BrowserAsync(raiser)),
        };
        string[] urls = [$"/api/v1/needs?community={community.Code}", $"/api/v1/needs/{id}", $"/needs?community={community.Code}", $"/needs/{id}"];

        foreach (var (who, client) in viewers)
        {
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.False(body.Contains(raiser.Phone, StringComparison.Ordinal), $"{url} shows the raiser's phone to {who}.");
            }
        }

        // Nor can the phone be found by searching for it.
        var byPhone = await ListNeedsApiTests.ListAsync(viewers[0].Item2, $"community={community.Code}&q={raiser.Phone}");
        Assert.Empty(ListNeedsApiTests.Ids(byPhone));
    }

    [Fact]
    public async Task NeedViews_RaiserKeptNameHidden_ShowMaskedName()
    {
        var community = await factory.Data.CommunityAsync();
        var raiser = await factory.Data.UserAsync(community, "张三丰");
        var id = await NeedFactory.RaiseAsync(await factory.Data.ApiClientAsync(raiser), community, "打码的称呼");
        var anonymous = await factory.Data.BrowserAsync(null);

        var json = await NeedFactory.JsonAsync(await anonymous.GetAsync($"/api/v1/needs/{id}"));
        var page = await Html.GetAsync(anonymous, $"/needs/{id}");

        Assert.Equal("张**", json.GetProperty("raiser").GetString());
        Assert.Equal("张**", RaiserOnPage(page));
        Assert.DoesNotContain("张三丰", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("张三丰", json.GetRawText());
        Assert.DoesNotContain("张三丰", await anonymous.GetStringAsync($"/api/v1/needs?community={community.Code}"));
    }

    [Fact]
    public async Task NeedViews_RaiserChoseToShowName_ShowFullName()
    {
        var community = await factory.Data.CommunityAsync();
        var raiser = await factory.Data.UserAsync(community, "李四光");
        var id = await NeedFactory.RaiseAsync(await factory.Data.ApiClientAsync(raiser), community, "公开的称呼", showRaiserName: true);
        var anonymous = await factory.Data.BrowserAsync(null);

        var json = await NeedFactory.JsonAsync(await anonymous.GetAsync($"/api/v1/needs/{id}"));
        var page = await Html.GetAsync(anonymous, $"/needs/{id}");

        Assert.Equal("李四光", json.GetProperty("raiser").GetString());
        Assert.Equal("李四光", RaiserOnPage(page));
    }

    /// <summary>The "提出人" fact on the need page.</summary>
    private static string? RaiserOnPage(IDocument page) =>
        page.QuerySelectorAll("main dl.facts dt").FirstOrDefault(dt => dt.TextContent.Trim() == "提出人")?.NextElementSibling?.TextContent.Trim();
}

[Collection(SqliteLane.Name)]
public sealed class RaiserPrivacyTestsOnSqlite(SqliteAppFactory factory) : RaiserPrivacyTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RaiserPrivacyTestsOnPostgres(PostgresAppFactory factory) : RaiserPrivacyTests(factory);
