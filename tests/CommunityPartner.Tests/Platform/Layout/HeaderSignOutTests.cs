using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Platform.Layout;

/// <summary>The 退出 button in every page's header really signs out (it needs the antiforgery token).</summary>
public abstract class HeaderSignOutTests(AppFactory factory)
{
    [Fact]
    public async Task HeaderSignOutForm_SignedIn_EndsTheSession()
    {
        var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(await factory.Data.CommunityAsync()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        var page = await Html.GetAsync(browser, "/communities");
        var form = page.QuerySelector<IHtmlFormElement>("header form[action='/account/sign-out']");
        Assert.NotNull(form);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);

        var response = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/sign-in", new Uri(new Uri("http://localhost"), after.Headers.Location!).AbsolutePath);
    }
}

[Collection(SqliteLane.Name)]
public sealed class HeaderSignOutTestsOnSqlite(SqliteAppFactory factory) : HeaderSignOutTests(factory);

[Collection(PostgresLane.Name)]
public sealed class HeaderSignOutTestsOnPostgres(PostgresAppFactory factory) : HeaderSignOutTests(factory);
