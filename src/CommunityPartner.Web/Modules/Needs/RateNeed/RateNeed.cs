using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.RateNeed;

public sealed record RateNeedCommand(Guid NeedId, string? Satisfaction, string? Comment);

/// <summary>
/// The raiser rates the answer once per resolution (回访). 不满意 sends the need back to the community's queue, and
/// the staff are told.
/// </summary>
public sealed class RateNeedHandler(AppDbContext db, NeedPeople people, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Need>> HandleAsync(RateNeedCommand command, System.Security.Claims.ClaimsPrincipal actor, CancellationToken ct)
    {
        var need = await db.Set<Need>().Include(n => n.Ratings).FirstOrDefaultAsync(n => n.Id == command.NeedId, ct);
        if (need is null)
        {
            return Result<Need>.NotFound("未找到这条诉求");
        }

        if (actor.UserId() is not { } userId || need.RaiserId != userId)
        {
            return Result<Need>.Forbidden("只有提出诉求的居民才能评价");
        }

        var errors = new ValidationErrors();
        Satisfaction? satisfaction = command.Satisfaction switch
        {
            "satisfied" => Needs.Satisfaction.Satisfied,
            "basically_satisfied" => Needs.Satisfaction.BasicallySatisfied,
            "dissatisfied" => Needs.Satisfaction.Dissatisfied,
            _ => null,
        };
        if (satisfaction is null)
        {
            errors.Add("satisfaction", "请选择满意、基本满意或不满意");
        }

        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        if (comment?.Length > NeedRating.CommentMax)
        {
            errors.Add("comment", "评价不能超过 {0} 个字", NeedRating.CommentMax);
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var before = need.Snapshot();
        try
        {
            need.Rate(userId, satisfaction!.Value, comment, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return Result<Need>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record("needs.rate", nameof(Need), need.Id, before, new { Satisfaction = satisfaction.ToString(), need.Status }, need.CommunityId);
        if (satisfaction == Needs.Satisfaction.Dissatisfied)
        {
            notifier.Notify(await people.StaffOfAsync(need.CommunityId, ct), "居民对诉求“{0}”的办理结果不满意，已重新打开", $"/needs/{need.Id}", [need.Title]);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException u && u.IsUniqueViolation()))
        {
            return Result<Need>.Conflict("这次办理结果已经评价过了");
        }

        return need;
    }
}
