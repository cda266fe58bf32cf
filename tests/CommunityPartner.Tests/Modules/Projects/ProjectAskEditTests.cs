using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Projects;

/// <summary>
/// Editing a project's asks keeps the lines it names (offers will point at them), adds new ones and removes the
/// missing ones — and the database holds exactly that afterwards.
/// </summary>
public abstract class ProjectAskEditTests(AppFactory factory)
{
    [Fact]
    public async Task EditAsks_KeepOneChangeItAddOneDropOne_StoresExactlyTheNewLines()
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(community));
        var created = await staff.PostAsJsonAsync("/api/v1/projects", Body("资金甲", "场地乙"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetGuid();
        var asks = project.GetProperty("asks").EnumerateArray().ToList();
        var keptId = asks[0].GetProperty("id").GetGuid();
        var droppedId = asks[1].GetProperty("id").GetGuid();

        var edited = await staff.PutAsJsonAsync($"/api/v1/projects/{id}", new
        {
            categoryCode = "sanitation",
            title = "测试项目",
            summary = "一句话简介",
            model = "public_good",
            budgetYuan = 5000,
            asks = new object[]
            {
                new { id = keptId, kind = "funding", title = "资金甲（改）", yuan = 3000, isKey = true },
                new { kind = "service", title = "设备调试", hours = 12, yuan = 2400, isKey = false },
            },
        });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await (await staff.GetAsync($"/api/v1/projects/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var lines = after.GetProperty("asks").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(keptId, lines[0].GetProperty("id").GetGuid());
        Assert.Equal("资金甲（改）", lines[0].GetProperty("title").GetString());
        Assert.Equal(3000, lines[0].GetProperty("yuan").GetInt64());
        Assert.Equal("service", lines[1].GetProperty("kind").GetString());
        Assert.Equal(12, lines[1].GetProperty("hours").GetInt32());
        Assert.DoesNotContain(lines, l => l.GetProperty("id").GetGuid() == droppedId);
    }

    private static object Body(string first, string second) => new
    {
        categoryCode = "sanitation",
        title = "测试项目",
        summary = "一句话简介",
        model = "public_good",
        budgetYuan = 5000,
        asks = new object[]
        {
            new { kind = "funding", title = first, yuan = 2000, isKey = true },
            new { kind = "resource", title = second, yuan = 500, isKey = true },
        },
    };
}

[Collection(SqliteLane.Name)]
public sealed class ProjectAskEditTestsOnSqlite(SqliteAppFactory factory) : ProjectAskEditTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ProjectAskEditTestsOnPostgres(PostgresAppFactory factory) : ProjectAskEditTests(factory);
