using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Points.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>The district admin corrects a resident's points through the ledger, with a reason; never below zero; only admins.</summary>
public abstract class CorrectionTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task Correct_GiveAndTakeBack_MovesThroughThePool_OnceperKey()
    {
        var world = await _points.WorldAsync(points: 30);
        var (resident, client) = await _points.ResidentAsync(world);
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        var key = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.Created, (await CorrectAsync(admin, resident.Phone, 5, "漏发了一次活动积分", key)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CorrectAsync(admin, resident.Phone, 5, "漏发了一次活动积分", key)).StatusCode); // retry
        Assert.Equal(HttpStatusCode.Created, (await CorrectAsync(admin, resident.Phone, -15, "重复发放", Guid.NewGuid().ToString())).StatusCode);

        Assert.Equal(20L, (await PointsTestData.PassbookAsync(client)).Balance);
        var reasons = await _points.QueryAsync(db => db.Set<PointsTransfer>().Where(t => t.Kind == TransferKind.Correction && t.ReferenceId == resident.Id.ToString())
            .OrderBy(t => t.Id).Select(t => t.Reason).ToListAsync());
        Assert.Equal(["漏发了一次活动积分", "重复发放"], reasons);
        Assert.True(await _points.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "points.correct")));
        Assert.Empty((await _points.ReconcileAsync()).Breaks);
    }

    [Fact]
    public async Task Correct_BelowZero_IsRefused()
    {
        var world = await _points.WorldAsync(points: 10);
        var (resident, client) = await _points.ResidentAsync(world);
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
        var before = await _points.TransferCountAsync();

        var response = await CorrectAsync(admin, resident.Phone, -11, "多发了", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("这位居民只有 10 积分，更正后不能为负数", await response.Content.ReadAsStringAsync());
        Assert.Equal(10L, (await PointsTestData.PassbookAsync(client)).Balance);
        Assert.Equal(before, await _points.TransferCountAsync());
    }

    [Fact]
    public async Task Correct_WithoutReason_Is400()
    {
        var world = await _points.WorldAsync(points: 10);
        var (resident, _) = await _points.ResidentAsync(world);
        var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());

        var response = await CorrectAsync(admin, resident.Phone, 5, "  ", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请填写更正原因", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Correct_ByStaff_Is403()
    {
        var world = await _points.WorldAsync(points: 10);
        var (resident, _) = await _points.ResidentAsync(world);

        Assert.Equal(HttpStatusCode.Forbidden, (await CorrectAsync(world.StaffClient, resident.Phone, 5, "试试", Guid.NewGuid().ToString())).StatusCode);
        var browser = await factory.Data.BrowserAsync(world.Staff);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/admin/points/corrections")).StatusCode);
    }

    [Fact]
    public async Task Page_Correct_ThenBelowZeroShowsTheMessage()
    {
        var world = await _points.WorldAsync(points: 10);
        var (resident, client) = await _points.ResidentAsync(world);
        var browser = await factory.Data.BrowserAsync(await factory.Data.AdminAsync());

        var ok = await Html.SubmitFormAsync(browser, "/admin/points/corrections",
            new Dictionary<string, string> { ["Input.Phone"] = resident.Phone, ["Input.Points"] = "3", ["Input.Reason"] = "补发" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var refused = await Html.SubmitFormAsync(browser, "/admin/points/corrections",
            new Dictionary<string, string> { ["Input.Phone"] = resident.Phone, ["Input.Points"] = "-20", ["Input.Reason"] = "收回" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("这位居民只有 13 积分，更正后不能为负数", Html.FieldErrors(await Html.ParseAsync(refused)));
        Assert.Equal(13L, (await PointsTestData.PassbookAsync(client)).Balance);
    }

    private static Task<HttpResponseMessage> CorrectAsync(HttpClient admin, string phone, long points, string reason, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/points/corrections") { Content = JsonContent.Create(new { phone, points, reason }) };
        request.Headers.Add("Idempotency-Key", key);
        return admin.SendAsync(request);
    }
}

[Collection(SqliteLane.Name)]
public sealed class CorrectionTestsOnSqlite(SqliteAppFactory factory) : CorrectionTests(factory);

[Collection(PostgresLane.Name)]
public sealed class CorrectionTestsOnPostgres(PostgresAppFactory factory) : CorrectionTests(factory);
