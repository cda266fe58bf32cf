using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs.Open311;
using CommunityPartner.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Needs.Open311;

/// <summary>Builders for the Open311 tests: needs raised and answered through the app's own API, and API keys.</summary>
internal sealed class Open311Kit(AppFactory factory)
{
    public TestData Data => factory.Data;

    public HttpClient Anonymous() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A unique marker to put in titles, so a test finds its own needs among everyone else's.</summary>
    public static string Marker() => "m" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A resident of <paramref name="community"/> raises a need through POST /api/v1/needs; returns its public view.</summary>
    public async Task<JsonElement> RaiseAsync(
        CommunityRef community, string category = "sanitation", string? title = null, string description = "垃圾桶满了三天没人清运，气味很大",
        string address = "上马社区 3 栋楼下", double? latitude = 31.4612, double? longitude = 104.7398, HttpClient? resident = null)
    {
        resident ??= await Data.ApiClientAsync(await Data.UserAsync(community, "张小红"));
        var response = await resident.PostAsJsonAsync("/api/v1/needs", new
        {
            communityCode = community.Code,
            categoryCode = category,
            title = title ?? "垃圾桶满了 " + Marker(),
            description,
            address,
            latitude,
            longitude,
            showRaiserName = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Staff of the need's community make a move: respond, start, resolve, reject, merge.</summary>
    public static async Task MoveAsync(HttpClient staff, Guid needId, string move, object body)
    {
        var response = await staff.PostAsJsonAsync($"/api/v1/needs/{needId}/{move}", body);
        Assert.True(response.IsSuccessStatusCode, $"{move}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> NeedAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/needs/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An active key, made the way the admin page makes one (the page itself is tested in Open311KeysPageTests).</summary>
    public async Task<string> ApiKeyAsync(string name = "测试对接")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (key, plain) = Open311ApiKey.Issue(name, null, DateTime.UtcNow);
        db.Add(key);
        await db.SaveChangesAsync();
        return plain;
    }

    public static Task<HttpResponseMessage> PostRequestAsync(HttpClient client, string format, IDictionary<string, string> fields) =>
        client.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(fields));

    public static Guid Id(JsonElement need) => need.GetProperty("id").GetGuid();
}
