using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using Microsoft.EntityFrameworkCore;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>Deliveries on the intent page: the partner records, the staff confirm or dispute, both see asked / pledged / delivered.</summary>
public abstract class DeliveryPageTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task IntentPage_PartnerRecords_StaffConfirms_FiguresShowTheDelivery()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var moneyLine = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}"))
            .GetProperty("versions")[0].GetProperty("lines").EnumerateArray().First(l => l.GetProperty("kind").GetString() == "money").GetProperty("id").GetString()!;
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);
        using var staff = await factory.Data.BrowserAsync(w.Staff);
        var path = $"/intents/{intentId}";

        var noNote = await Html.SubmitFormAsync(partner, path, new Dictionary<string, string> { ["Delivery.LineId"] = moneyLine, ["Delivery.Yuan"] = "20000", ["Delivery.Note"] = "" }, "Deliver");
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("请填写兑现说明", Html.FieldErrors(await Html.ParseAsync(noNote)));
        Assert.Null((await Html.GetAsync(staff, path)).QuerySelector("main form[action*='handler=AcceptDelivery']"));

        var recorded = await Html.SubmitFormAsync(partner, path, new Dictionary<string, string> { ["Delivery.LineId"] = moneyLine, ["Delivery.Yuan"] = "20000", ["Delivery.Note"] = "首笔资金已转账" }, "Deliver");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Null((await Html.GetAsync(partner, path)).QuerySelector("main form[action*='handler=AcceptDelivery']"));

        var confirmed = await Html.SubmitFormAsync(staff, path, new Dictionary<string, string>(), "AcceptDelivery");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var page = await Html.GetAsync(partner, path);
        var figures = page.QuerySelector("main section[aria-labelledby=figures-heading]")!.TextContent;
        Assert.Contains("20,000", figures, StringComparison.Ordinal);
        var deliveries = page.QuerySelector("main section[aria-labelledby=deliveries-heading]")!.TextContent;
        Assert.Contains("首笔资金已转账", deliveries, StringComparison.Ordinal);
        Assert.Contains("已确认", deliveries, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Confirmed, await _data.QueryAsync(db => db.Set<Delivery>().Where(d => d.IntentId == intentId).Select(d => d.Status).SingleAsync()));

        var coverage = (await Html.GetAsync(staff, $"/admin/offers?project={w.ProjectId}")).QuerySelector("main section[aria-labelledby=coverage-heading]")!.TextContent;
        Assert.Contains("已兑现 20,000 元", coverage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntentPage_StaffDisputeWithoutReason_IsToldAndNothingChanges()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var moneyLine = (await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}"))
            .GetProperty("versions")[0].GetProperty("lines")[0].GetProperty("id").GetString()!;
        using var partner = await factory.Data.BrowserAsync(w.Partner.Member);
        using var staff = await factory.Data.BrowserAsync(w.Staff);
        var path = $"/intents/{intentId}";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitFormAsync(partner, path, new Dictionary<string, string> { ["Delivery.LineId"] = moneyLine, ["Delivery.Yuan"] = "100", ["Delivery.Note"] = "到账" }, "Deliver")).StatusCode);

        var response = await Html.SubmitFormAsync(staff, path, new Dictionary<string, string> { ["reason"] = "" }, "DisputeDelivery");
        var disputed = await Html.SubmitFormAsync(staff, path, new Dictionary<string, string> { ["reason"] = "没有收到" }, "DisputeDelivery");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请写明异议理由", Html.FieldErrors(await Html.ParseAsync(response)));
        Assert.Equal(HttpStatusCode.Redirect, disputed.StatusCode);
        Assert.Contains("没有收到", (await Html.GetAsync(partner, path)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SqliteLane.Name)]
public sealed class DeliveryPageTestsOnSqlite(SqliteAppFactory factory) : DeliveryPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class DeliveryPageTestsOnPostgres(PostgresAppFactory factory) : DeliveryPageTests(factory);
