using System.Security.Claims;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows.ExpressInterest;

public sealed record InterestResult(Guid ProjectId, bool Created, int InterestCount);

/// <summary>
/// A partner member taps "有意合作" on a project in the line-up. Once per partner and project (primary key); the first
/// time, the staff of the project's community are told. The cooperation module will turn interests into offer drafts.
/// </summary>
public sealed class ExpressInterestHandler(AppDbContext db, RoadshowPeople people, IProjectCatalog projects, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<InterestResult>> HandleAsync(Guid roadshowId, Guid? projectId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        var roadshow = await db.Set<Roadshow>().AsNoTracking().Include(r => r.Lineup).FirstOrDefaultAsync(r => r.Id == roadshowId, ct);
        if (roadshow is null)
        {
            return Result<InterestResult>.NotFound("未找到这场路演");
        }

        if (!user.IsInRole(Roles.PartnerMember))
        {
            return Result<InterestResult>.Forbidden("只有合伙人可以表达合作意向");
        }

        if (projectId is not { } pid)
        {
            return ValidationErrors.Of("projectId", "请选择项目");
        }

        var slot = roadshow.Lineup.FirstOrDefault(s => s.ProjectId == pid);
        if (slot is null)
        {
            return ValidationErrors.Of("projectId", "这个项目不在本场路演中");
        }

        if (await db.Set<RoadshowInterest>().AnyAsync(i => i.RoadshowId == roadshowId && i.ProjectId == pid && i.UserId == userId, ct))
        {
            return new InterestResult(pid, false, await CountAsync(roadshowId, pid, ct));
        }

        if (roadshow.PhaseAt(clock.GetUtcNow().UtcDateTime) == RoadshowPhase.Cancelled)
        {
            return Result<InterestResult>.Conflict("这场路演已取消");
        }

        var found = await projects.FindAsync([pid], ct);
        var title = found.Count > 0 ? found[0].Title : "";
        db.Add(new RoadshowInterest(roadshowId, pid, userId, clock.GetUtcNow().UtcDateTime));
        audit.Record("roadshows.interest", nameof(Roadshow), roadshowId, null, new { ProjectId = pid, UserId = userId }, slot.CommunityId, userId);
        notifier.Notify(await people.StaffOfAsync(slot.CommunityId, ct), "有合伙人在路演“{0}”上对项目“{1}”表达了合作意向", $"/roadshows/{roadshowId}",
            [roadshow.Title, title], except: userId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel tap of the same partner: the interest exists once, and its staff were told once.
            db.ChangeTracker.Clear();
            return new InterestResult(pid, false, await CountAsync(roadshowId, pid, ct));
        }

        return new InterestResult(pid, true, await CountAsync(roadshowId, pid, ct));
    }

    private Task<int> CountAsync(Guid roadshowId, Guid projectId, CancellationToken ct) =>
        db.Set<RoadshowInterest>().CountAsync(i => i.RoadshowId == roadshowId && i.ProjectId == projectId, ct);
}
