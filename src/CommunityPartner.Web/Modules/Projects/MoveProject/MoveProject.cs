using System.Security.Claims;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects.MoveProject;

/// <summary>
/// Staff move a project through its life: publish, start, complete, operate, cancel. The project entity decides whether
/// the move is allowed; its needs move with it in the same transaction — in progress when it is published, resolved
/// (and their raisers asked to rate) when it is completed, back to the queue when it is cancelled.
/// </summary>
public sealed class MoveProjectHandler(AppDbContext db, INeedLinks needs, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] Moves = ["publish", "start", "complete", "operate", "cancel"];

    public async Task<Result<Project>> HandleAsync(Guid projectId, string? move, string? text, ClaimsPrincipal actor, CancellationToken ct)
    {
        var project = await db.Set<Project>().Include(p => p.Asks).Include(p => p.Needs).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return Result<Project>.NotFound("未找到这个项目");
        }

        if (!ProjectPeople.CanManage(actor, project.CommunityId) || actor.UserId() is not { } staffId)
        {
            return Result<Project>.Forbidden("只有本社区的社区工作者可以办理这个项目");
        }

        var trimmed = text?.Trim() ?? "";
        var errors = Validate(move, trimmed);
        if (!errors.IsValid)
        {
            return errors;
        }

        var before = project.Snapshot();
        var now = clock.GetUtcNow().UtcDateTime;
        var reference = new ProjectRef(project.Id, project.Title);
        var linked = project.LinkedNeedIds.ToList();
        try
        {
            switch (move)
            {
                case "publish":
                    project.Publish(staffId, now);
                    await needs.LinkAsync(linked, reference, staffId, ct);
                    break;
                case "start":
                    project.Start(staffId, now);
                    break;
                case "complete":
                    project.Complete(staffId, trimmed, now);
                    await needs.ResolveAsync(linked, reference, staffId, trimmed, ct);
                    break;
                case "operate":
                    project.StartOperating(staffId, now);
                    break;
                default:
                    var wasPublic = project.IsPublic;
                    project.Cancel(staffId, trimmed, now);
                    if (wasPublic)
                    {
                        // Only needs the project still holds go back; one resolved on its own stays resolved.
                        var held = (await needs.FindAsync(linked, ct)).Where(n => n.ProjectId == project.Id).Select(n => n.Id).ToList();
                        await needs.UnlinkAsync(held, reference, staffId, ct);
                    }

                    break;
            }
        }
        catch (DomainException e)
        {
            return Result<Project>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record($"projects.{move}", nameof(Project), project.Id, before, project.Snapshot(), project.CommunityId, staffId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Project>.Conflict("这个项目刚被其他人更新，请刷新后再试");
        }

        return project;
    }

    private static ValidationErrors Validate(string? move, string text)
    {
        var errors = new ValidationErrors();
        if (move is null || !Moves.Contains(move))
        {
            return errors.Add("move", "不支持的操作");
        }

        if (move == "complete" && text.Length == 0)
        {
            errors.Add("text", "请说明项目做成了什么，居民会看到");
        }
        else if (move == "cancel" && text.Length == 0)
        {
            errors.Add("text", "请填写取消的理由，居民会看到");
        }
        else if (text.Length > (move == "complete" ? Project.CompletionMax : Project.ReasonMax))
        {
            errors.Add("text", "说明不能超过 {0} 个字", move == "complete" ? Project.CompletionMax : Project.ReasonMax);
        }

        return errors;
    }
}
