using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;

namespace CommunityPartner.Tests.Modules.Needs.RaiseNeed;

/// <summary>
/// Every wrong raise comes back as a message on the field at fault (page) or a 400 naming the field (API), and stores
/// nothing: no need, no photo row, no file.
/// </summary>
public abstract class RaiseNeedBadInputTests(AppFactory factory)
{
    private readonly NeedFactory _needs = new(factory);

    [Theory]
    [MemberData(nameof(BadRaise.All), MemberType = typeof(BadRaise))]
    public async Task RaiseApi_BadInput_Returns400NamingTheFieldAndStoresNothing(string name)
    {
        var bad = BadRaise.Of(name);
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var before = await StoredAsync();

        var response = await client.PostAsync("/api/v1/needs", MultipartForms.Build(bad.ApiFields(community, $"坏输入 {name}"), bad.Files));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = ProblemJson.Errors(await ProblemJson.ReadAsync(response));
        Assert.Equal([bad.ApiField], errors.Keys);
        Assert.All(errors[bad.ApiField], m => Assert.False(string.IsNullOrWhiteSpace(m)));
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("title-61")]
    [InlineData("category-unknown")]
    [InlineData("latitude-out-of-range")]
    public async Task RaiseApi_BadJson_Returns400NamingTheFieldAndStoresNothing(string name)
    {
        var bad = BadRaise.Of(name);
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var body = bad.ApiFields(community, $"坏输入 {name}").ToDictionary(kv => kv.Key, kv => (object)(kv.Key is "latitude" or "longitude" ? double.Parse(kv.Value, System.Globalization.CultureInfo.InvariantCulture) : kv.Value));
        var before = await StoredAsync();

        var response = await client.PostAsync("/api/v1/needs", System.Net.Http.Json.JsonContent.Create(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([bad.ApiField], ProblemJson.Errors(await ProblemJson.ReadAsync(response)).Keys);
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [MemberData(nameof(BadRaise.All), MemberType = typeof(BadRaise))]
    public async Task RaisePage_BadInput_ShowsMessageOnTheFieldAndStoresNothing(string name)
    {
        var bad = BadRaise.Of(name);
        var community = await factory.Data.CommunityAsync();
        var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(community));
        var before = await StoredAsync();

        var response = await MultipartForms.SubmitAsync(browser, "/needs/new", bad.PageFields(community, $"坏输入 {name}"), bad.Files);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var message = page.GetElementById(bad.PageField);
        Assert.True(message is not null, $"No #{bad.PageField} on the page; errors shown: {string.Join(" | ", Html.FieldErrors(page))}");
        Assert.False(string.IsNullOrWhiteSpace(message.TextContent));
        Assert.NotNull(page.QuerySelector("main .alert[role=alert]"));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task RaisePage_BadInput_KeepsWhatWasTyped()
    {
        var community = await factory.Data.CommunityAsync();
        var browser = await factory.Data.BrowserAsync(await factory.Data.UserAsync(community));
        var fields = BadRaise.Of("address-201").PageFields(community, "楼下路灯不亮");

        var page = await Html.ParseAsync(await MultipartForms.SubmitAsync(browser, "/needs/new", fields, []));

        Assert.Equal("楼下路灯不亮", page.QuerySelector<IHtmlInputElement>("#Input_Title")?.Value);
        Assert.Equal("true", page.GetElementById("Input_Address")?.GetAttribute("aria-invalid"));
    }

    private async Task<(int Needs, int Photos, int Files)> StoredAsync() =>
        (await _needs.CountNeedsAsync(), await _needs.CountPhotoRowsAsync(), _needs.CountFiles());
}

[Collection(SqliteLane.Name)]
public sealed class RaiseNeedBadInputTestsOnSqlite(SqliteAppFactory factory) : RaiseNeedBadInputTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RaiseNeedBadInputTestsOnPostgres(PostgresAppFactory factory) : RaiseNeedBadInputTests(factory);
