using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Points.Expiry;
using CommunityPartner.Web.Modules.Points.Expiry.PointsSettings;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>The district admin sets the months points stay valid; the expiry job uses it; only admins may, and only 1-120.</summary>
public abstract class PointsSettingsTests(AppFactory factory)
{
    private readonly TestData _data = new(factory);
    private readonly PointsTestData _points = new(factory);

    [Fact]
    public async Task Set_TwelveMonths_ExpiryUsesIt()
    {
        var admin = await _data.ApiClientAsync(await _data.AdminAsync());
        var world = await _points.WorldAsync(points: 30);
        var (_, client) = await _points.ResidentAsync(world);
        try
        {
            var saved = await admin.PutAsJsonAsync("/api/v1/points/settings", new { expiryMonths = 12 });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal(new PointsSettingsDto(12, false), await admin.GetFromJsonAsync<PointsSettingsDto>("/api/v1/points/settings"));
            Assert.True(await _points.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "points.settings.save")));

            Assert.True(await ExpireAsync(TimeSpan.FromDays((12 * 31) + 2)) >= 1);

            Assert.Equal(0L, (await PointsTestData.PassbookAsync(client)).Balance);
            Assert.Empty((await _points.ReconcileAsync()).Breaks);
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/v1/points/settings", new { expiryMonths = 36 })).EnsureSuccessStatusCode();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    [InlineData(null)]
    public async Task Set_OutOfRange_Is400AndStoresNothing(int? months)
    {
        var admin = await _data.ApiClientAsync(await _data.AdminAsync());
        var before = await admin.GetFromJsonAsync<PointsSettingsDto>("/api/v1/points/settings");

        var response = await admin.PutAsJsonAsync("/api/v1/points/settings", new { expiryMonths = months });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("积分有效期应在 1 到 120 个月之间", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await admin.GetFromJsonAsync<PointsSettingsDto>("/api/v1/points/settings"));
    }

    [Fact]
    public async Task NonAdmin_Is403()
    {
        var community = await _data.CommunityAsync();
        var staff = await _data.ApiClientAsync(await _data.StaffAsync(community));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/points/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/v1/points/settings", new { expiryMonths = 1 })).StatusCode);
        var browser = await _data.BrowserAsync(await _data.StaffAsync(community));
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/admin/points/settings")).StatusCode);
    }

    [Fact]
    public async Task Page_BadValue_ShowsTheMessage()
    {
        var browser = await _data.BrowserAsync(await _data.AdminAsync());

        var response = await Html.SubmitFormAsync(browser, "/admin/points/settings", new Dictionary<string, string> { ["ExpiryMonths"] = "200" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("积分有效期应在 1 到 120 个月之间", Html.FieldErrors(await Html.ParseAsync(response)));
    }

    private async Task<int> ExpireAsync(TimeSpan later)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var db = s.GetRequiredService<AppDbContext>();
        var clock = new FakeTimeProvider(factory.Clock.GetUtcNow() + later);
        var expiry = new PointsExpiry(db, new PointsLedger(db, clock), s.GetRequiredService<INotifier>(),
            new AuditLog(db, s.GetRequiredService<IHttpContextAccessor>(), clock), clock, s.GetRequiredService<IOptions<PointsOptions>>());
        return await expiry.ExpireDueAsync(CancellationToken.None);
    }
}

[Collection(SqliteLane.Name)]
public sealed class PointsSettingsTestsOnSqlite(SqliteAppFactory factory) : PointsSettingsTests(factory);

[Collection(PostgresLane.Name)]
public sealed class PointsSettingsTestsOnPostgres(PostgresAppFactory factory) : PointsSettingsTests(factory);
