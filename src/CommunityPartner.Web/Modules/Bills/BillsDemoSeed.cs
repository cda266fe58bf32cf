using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Bills;

/// <summary>
/// The last closed quarter's bills of 上马 (published by its staff) and of the district (by the district admin),
/// computed from the demo records like any other publication, so the public bill page has something to open.
/// </summary>
internal sealed class BillsDemoSeed(AppDbContext db, BillReader reader, UserManager<AppUser> users, AuditLog audit, TimeProvider clock) : IDemoSeed
{
    public int Order => 90;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<BillVersion>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var period = BillPeriod.QuarterOf(now).Previous.Code;
        foreach (var (community, publisherPhone) in new[] { ("shangma", "13900000011"), (BillVersion.DistrictScope, "13900000000") })
        {
            var publisher = await users.FindByNameAsync(publisherPhone);
            var (errors, info, parsed) = await reader.ScopeAsync(community, period, cancellationToken);
            if (publisher is null || !errors.IsValid)
            {
                continue;
            }

            var live = await reader.LiveAsync(info, parsed, cancellationToken);
            var version = BillVersion.Publish(live.Sheet, live.Records, 1, null, publisher.Id, now);
            db.Add(version);
            audit.Record("bills.publish", nameof(BillVersion), version.Id, null, new { version.Scope, version.PeriodCode, version.Number, version.ContentHash }, info?.Id, publisher.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
