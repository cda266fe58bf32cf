using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using Microsoft.EntityFrameworkCore;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>The public project page shows asked / pledged / delivered per ask, equal to the records, and partner names but no personal data.</summary>
public abstract class ProjectSupportPageTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task ProjectPage_Public_ShowsPledgedAndConfirmedDeliveredPerAskEqualToTheRecords()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w, [Money(30_000, w.FundingAsk), Service("设计服务", 40, 8_000, w.ServiceAsk)]);
        var lines = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}")).GetProperty("versions")[0].GetProperty("lines").EnumerateArray().ToList();
        Guid Line(string kind) => lines.First(l => l.GetProperty("kind").GetString() == kind).GetProperty("id").GetGuid();
        await DeliverAsync(w, intentId, Line("money"), yuan: 12_000, hours: null, confirm: true);
        await DeliverAsync(w, intentId, Line("money"), yuan: 5_000, hours: null, confirm: false);
        await DeliverAsync(w, intentId, Line("service"), yuan: 2_000, hours: 10, confirm: true);
        var partnerName = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/partners/{w.Partner.PartnerId}")).GetProperty("name").GetString()!;

        using var anonymous = factory.CreateClient();
        var page = await Html.GetAsync(anonymous, $"/projects/{w.ProjectId}");

        var cards = page.QuerySelectorAll("main .asks-list li").Select(li => li.TextContent).ToList();
        var funding = cards.Single(c => c.Contains("改造资金", StringComparison.Ordinal));
        var service = cards.Single(c => c.Contains("设计服务", StringComparison.Ordinal));
        var delivered = await _data.QueryAsync(db => db.Set<Delivery>().Where(d => d.ProjectId == w.ProjectId && d.Status == DeliveryStatus.Confirmed)
            .Select(d => new { d.NeedId, d.Yuan, d.Hours }).ToListAsync());
        Assert.Contains("已承诺 30,000 元", funding, StringComparison.Ordinal);
        Assert.Contains($"已兑现 {delivered.Where(d => d.NeedId == w.FundingAsk).Sum(d => d.Yuan):N0} 元", funding, StringComparison.Ordinal);
        Assert.Contains("已兑现 12,000 元", funding, StringComparison.Ordinal);
        Assert.Contains("已承诺 40 小时", service, StringComparison.Ordinal);
        Assert.Contains($"已兑现 {delivered.Where(d => d.NeedId == w.ServiceAsk).Sum(d => d.Hours)} 小时", service, StringComparison.Ordinal);
        Assert.Contains(partnerName, funding, StringComparison.Ordinal);
        Assert.DoesNotContain("王经理", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private static async Task DeliverAsync(CooperationWorld w, Guid intentId, Guid lineId, long yuan, int? hours, bool confirm)
    {
        var recorded = await w.Partner.Client.PostAsJsonAsync($"/api/v1/intents/{intentId}/deliveries", new { lineId, yuan, hours, note = "已兑现" });
        await ProjectsTestData.EnsureAsync(recorded, "record");
        if (confirm)
        {
            var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsync($"/api/v1/deliveries/{id}/confirm", null), "confirm");
        }
    }
}

[Collection(SqliteLane.Name)]
public sealed class ProjectSupportPageTestsOnSqlite(SqliteAppFactory factory) : ProjectSupportPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ProjectSupportPageTestsOnPostgres(PostgresAppFactory factory) : ProjectSupportPageTests(factory);
