using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Platform.Localization;

namespace CommunityPartner.Tests.Platform.Http;

/// <summary>API errors are RFC 9457 problem details whose title is in the request's language.</summary>
[Collection(SqliteLane.Name)]
public sealed class ProblemDetailsTests(SqliteAppFactory factory)
{
    [Fact]
    public async Task UnknownApiPath_NoLanguage_AnswersChineseNotFoundProblem()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/no-such-thing");

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
        Assert.Equal("/api/v1/no-such-thing", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task UnknownApiPath_AcceptLanguageEn_AnswersEnglishTitle()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await client.GetAsync("/api/v1/no-such-thing");

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.NotEqual("未找到", factory.English("未找到"));
        Assert.Equal(factory.English("未找到"), problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ProtectedApi_AnonymousWithAcceptLanguageEn_AnswersEnglishUnauthorizedTitle()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await client.PostAsJsonAsync("/api/v1/communities", new { code = "x" });

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.NotEqual("请先登录", factory.English("请先登录"));
        Assert.Equal(factory.English("请先登录"), problem.GetProperty("title").GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
