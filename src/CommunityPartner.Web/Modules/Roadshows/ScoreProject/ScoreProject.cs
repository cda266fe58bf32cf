using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows.ScoreProject;

public sealed record ScoreProjectCommand(Guid RoadshowId, Guid? ProjectId, int? Need, int? Feasibility, int? Benefit, string? Comment);

public sealed record ScoreResult(Guid ProjectId, bool Created, int Need, int Feasibility, int Benefit, string? Comment);

/// <summary>
/// An attendee (with a seat) or a representative scores one project of the line-up, during the scoring window. A second
/// score from the same person replaces the first (the primary key allows one); a parallel first score that loses the
/// insert race updates instead.
/// </summary>
public sealed class ScoreProjectHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ScoreResult>> HandleAsync(ScoreProjectCommand command, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        var errors = Validate(command);
        var roadshow = await db.Set<Roadshow>().AsNoTracking().Include(r => r.Lineup).FirstOrDefaultAsync(r => r.Id == command.RoadshowId, ct);
        if (roadshow is null)
        {
            return Result<ScoreResult>.NotFound("未找到这场路演");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var phase = roadshow.PhaseAt(clock.GetUtcNow().UtcDateTime);
        if (phase != RoadshowPhase.Scoring)
        {
            return Result<ScoreResult>.Conflict(phase switch
            {
                RoadshowPhase.Upcoming => "评分还没有开始",
                RoadshowPhase.Closed => "评分已经结束，不能再打分",
                _ => "这场路演已取消",
            });
        }

        var projectId = command.ProjectId!.Value;
        if (!roadshow.IsInLineup(projectId))
        {
            return ValidationErrors.Of("projectId", "这个项目不在本场路演中");
        }

        var rsvp = await db.Set<RoadshowRsvp>().AsNoTracking().FirstOrDefaultAsync(r => r.RoadshowId == roadshow.Id && r.UserId == userId, ct);
        var isRepresentative = user.IsInRole(Roles.Representative);
        if (rsvp is null && !isRepresentative)
        {
            return Result<ScoreResult>.Forbidden("只有报名参加的人和两代表一委员可以打分");
        }

        var byRepresentative = isRepresentative || rsvp?.Kind == AttendeeKind.Representative;
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        try
        {
            return await SaveAsync(roadshow, projectId, userId, byRepresentative, command, comment, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel first score of the same person was inserted meanwhile: this one replaces it.
            db.ChangeTracker.Clear();
            return await SaveAsync(roadshow, projectId, userId, byRepresentative, command, comment, ct);
        }
    }

    private async Task<ScoreResult> SaveAsync(
        Roadshow roadshow, Guid projectId, Guid userId, bool byRepresentative, ScoreProjectCommand command, string? comment, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var score = await db.Set<RoadshowScore>().FirstOrDefaultAsync(s => s.RoadshowId == roadshow.Id && s.ProjectId == projectId && s.ScorerId == userId, ct);
        var created = score is null;
        object? before = null;
        if (score is null)
        {
            score = new RoadshowScore(roadshow.Id, projectId, userId, byRepresentative, command.Need!.Value, command.Feasibility!.Value, command.Benefit!.Value, comment, now);
            db.Add(score);
        }
        else
        {
            before = new { score.NeedScore, score.Feasibility, score.Benefit, score.Comment };
            score.Change(command.Need!.Value, command.Feasibility!.Value, command.Benefit!.Value, comment, now);
        }

        audit.Record(created ? "roadshows.score" : "roadshows.rescore", nameof(Roadshow), roadshow.Id, before,
            new { ProjectId = projectId, score.NeedScore, score.Feasibility, score.Benefit, score.Comment }, roadshow.OrganiserCommunityId, userId);
        await db.SaveChangesAsync(ct);
        return new ScoreResult(projectId, created, score.NeedScore, score.Feasibility, score.Benefit, score.Comment);
    }

    private static ValidationErrors Validate(ScoreProjectCommand command)
    {
        var errors = new ValidationErrors();
        if (command.ProjectId is null)
        {
            errors.Add("projectId", "请选择要打分的项目");
        }

        Score(errors, "need", command.Need, "请为“需求迫切”打分");
        Score(errors, "feasibility", command.Feasibility, "请为“方案可行”打分");
        Score(errors, "benefit", command.Benefit, "请为“居民受益”打分");
        if (command.Comment?.Trim().Length > RoadshowScore.CommentMax)
        {
            errors.Add("comment", "意见不能超过 {0} 个字", RoadshowScore.CommentMax);
        }

        return errors;
    }

    private static void Score(ValidationErrors errors, string field, int? value, string missingKey)
    {
        if (value is null)
        {
            errors.Add(field, missingKey);
        }
        else if (!RoadshowScore.IsValidScore(value.Value))
        {
            errors.Add(field, "评分须在 1 到 5 之间");
        }
    }
}
