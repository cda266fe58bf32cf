using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows.ManageRoadshow;

public sealed record ManageRoadshowCommand(Guid RoadshowId, string Move, string? Reason);

/// <summary>The organiser opens scoring now, closes it now (results go public), or cancels the roadshow with a reason.</summary>
public sealed class ManageRoadshowHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] Moves = ["open-scoring", "close-scoring", "cancel"];

    public async Task<Result<Roadshow>> HandleAsync(ManageRoadshowCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        var roadshow = await db.Set<Roadshow>().Include(r => r.Lineup).FirstOrDefaultAsync(r => r.Id == command.RoadshowId, ct);
        if (roadshow is null)
        {
            return Result<Roadshow>.NotFound("未找到这场路演");
        }

        if (!RoadshowPeople.CanManage(actor, roadshow.OrganiserCommunityId))
        {
            return Result<Roadshow>.Forbidden("只有组织这场路演的社区工作者或新区管理员可以管理它");
        }

        var reason = command.Reason?.Trim() ?? "";
        if (command.Move == "cancel" && reason.Length == 0)
        {
            return ValidationErrors.Of("reason", "请说明取消的原因");
        }

        if (reason.Length > Roadshow.ReasonMax)
        {
            return ValidationErrors.Of("reason", "原因不能超过 {0} 个字", Roadshow.ReasonMax);
        }

        var before = roadshow.Snapshot();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            switch (command.Move)
            {
                case "open-scoring": roadshow.OpenScoring(now); break;
                case "close-scoring": roadshow.CloseScoring(now); break;
                case "cancel": roadshow.Cancel(reason, now); break;
                default: return ValidationErrors.Of("move", "不支持的操作");
            }
        }
        catch (DomainException e)
        {
            return Result<Roadshow>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record($"roadshows.{command.Move}", nameof(Roadshow), roadshow.Id, before, roadshow.Snapshot(), roadshow.OrganiserCommunityId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Roadshow>.Conflict("这场路演刚被其他人更新，请刷新后再试");
        }

        return roadshow;
    }
}
