using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Platform.Time;

/// <summary>
/// Pages show Beijing time (UTC+8) whatever the server's time zone: a need submitted at 16:30 UTC on 20 May shows
/// 00:30 on 21 May; a time typed in a form (no zone) is Beijing time.
/// </summary>
public abstract class DistrictTimeTests(AppFactory factory)
{
    private static readonly DateTime SubmittedUtc = new(2025, 5, 20, 16, 30, 0, DateTimeKind.Utc);
    private readonly NeedsTestData _needs = new(factory);

    [Fact]
    public async Task NeedPage_KnownUtcInstant_ShownInBeijingTime()
    {
        var actors = await _needs.ActorsAsync();
        var needId = await NeedsTestData.RaiseAsync(actors.RaiserClient, actors.Community);
        await _needs.QueryAsync(db => db.Set<Need>().Where(n => n.Id == needId).ExecuteUpdateAsync(u => u.SetProperty(n => n.SubmittedAt, SubmittedUtc)));
        var browser = await factory.Data.BrowserAsync(actors.Raiser);

        var page = await Html.GetAsync(browser, $"/needs/{needId}");

        var submitted = page.QuerySelector($"time[datetime^='2025-05-20T16:30']");
        Assert.NotNull(submitted);
        Assert.Equal("2025-05-21 00:30", submitted.TextContent.Trim());
    }

    [Fact]
    public void TypedTime_WithoutZone_IsBeijingTime_WithAZone_IsKept()
    {
        Assert.True(DistrictTime.TryParseTyped("2025-06-06T14:00", out var typed));
        Assert.Equal(new DateTime(2025, 6, 6, 6, 0, 0, DateTimeKind.Utc), typed);
        Assert.Equal(DateTimeKind.Utc, typed.Kind);
        Assert.True(DistrictTime.TryParseTyped("2025-06-06T14:00Z", out var zoned));
        Assert.Equal(new DateTime(2025, 6, 6, 14, 0, 0, DateTimeKind.Utc), zoned);
        Assert.False(DistrictTime.TryParseTyped("明天下午", out _));
        Assert.Equal("2025-06-06 14:00", DistrictTime.Minutes(typed));
        Assert.Equal("2025-06", DistrictTime.Month(new DateTime(2025, 5, 31, 16, 0, 0, DateTimeKind.Utc)));
    }
}

[Collection(SqliteLane.Name)]
public sealed class DistrictTimeTestsOnSqlite(SqliteAppFactory factory) : DistrictTimeTests(factory);

[Collection(PostgresLane.Name)]
public sealed class DistrictTimeTestsOnPostgres(PostgresAppFactory factory) : DistrictTimeTests(factory);
