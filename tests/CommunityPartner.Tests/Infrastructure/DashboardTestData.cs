using CommunityPartner.Web.Modules.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>
/// Needs for the dashboard, many at once: stored directly through the need entity's own moves (raise, respond, start,
/// resolve, rate) at chosen times in a closed quarter, so a community can have ten rated needs in a test without a
/// hundred requests.
/// </summary>
public sealed class DashboardTestData(AppFactory factory)
{
    public const string Period = "2023-Q3";
    public static readonly DateTime InPeriod = new(2023, 7, 10, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>A fresh community with a resident, a staff member and these needs: each rated need answered within hours; waiting needs never answered (overdue now).</summary>
    public async Task<(CommunityRef Community, UserRef Raiser)> CommunityAsync(int satisfied, int dissatisfied, int waiting)
    {
        var community = await factory.Data.CommunityAsync();
        var raiser = await factory.Data.UserAsync(community, "提诉求的居民");
        var staff = await factory.Data.StaffAsync(community);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Platform.Data.AppDbContext>();
        var category = await db.Set<NeedCategory>().FirstAsync(c => c.Code == "sanitation");
        var at = InPeriod;
        for (var i = 0; i < satisfied + dissatisfied + waiting; i++)
        {
            at = at.AddHours(1);
            var need = Need.Raise(new NeedDraft(community.Id, $"看板测试诉求 {i}", "小区东门垃圾房两天没人清运，气味很大。", "东门", null, null, NeedChannel.Web, raiser.Id, null, false), category, at);
            db.Add(need);
            if (i >= satisfied + dissatisfied)
            {
                continue;
            }

            need.Respond(staff.Id, "收到，马上安排", at.AddHours(1));
            need.Start(staff.Id, null, at.AddHours(2));
            need.Resolve(staff.Id, "已经清理干净", at.AddHours(3));
            need.Rate(raiser.Id, i < satisfied ? (i % 2 == 0 ? Satisfaction.Satisfied : Satisfaction.BasicallySatisfied) : Satisfaction.Dissatisfied, null, at.AddHours(4));
        }

        await db.SaveChangesAsync();
        return (community, raiser);
    }
}
