using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.AnswerNeed;

/// <summary>An answering move; <paramref name="TargetId"/> is the need to merge into (named as the API's field, so errors land on it).</summary>
public sealed record AnswerNeedCommand(Guid NeedId, string? Move, string? Text, Guid? TargetId);

/// <summary>
/// Staff of the need's community answer it: respond, start, resolve, reject or merge. The entity decides whether the
/// move is allowed; two staff acting at once → the first wins, the second is told the need changed meanwhile.
/// </summary>
public sealed class AnswerNeedHandler(AppDbContext db, NeedPeople people, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] Moves = ["respond", "start", "resolve", "reject", "merge"];

    public async Task<Result<Need>> HandleAsync(AnswerNeedCommand command, System.Security.Claims.ClaimsPrincipal actor, CancellationToken ct)
    {
        var need = await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == command.NeedId, ct);
        if (need is null)
        {
            return Result<Need>.NotFound("未找到这条诉求");
        }

        if (!NeedPeople.CanAnswer(actor, need.CommunityId) || actor.UserId() is not { } staffId)
        {
            return Result<Need>.Forbidden("只有本社区的社区工作者可以办理这条诉求");
        }

        var text = command.Text?.Trim() ?? "";
        var errors = Validate(command.Move, text, command.TargetId);
        if (!errors.IsValid)
        {
            return errors;
        }

        Need? target = null;
        if (command.Move == "merge")
        {
            target = await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == command.TargetId, ct);
            if (target is null)
            {
                return ValidationErrors.Of("targetId", "没有找到要合并到的诉求");
            }
        }

        var before = need.Snapshot();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            switch (command.Move)
            {
                case "respond": need.Respond(staffId, text, now); break;
                case "start": need.Start(staffId, text.Length == 0 ? null : text, now); break;
                case "resolve": need.Resolve(staffId, text, now); break;
                case "reject": need.Reject(staffId, text, now); break;
                default: need.MergeInto(target!, staffId, now); break;
            }
        }
        catch (DomainException e)
        {
            return Result<Need>.Conflict(e.MessageKey, [.. e.Args]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var followers = await people.FollowersAsync(need.Id, need.RaiserId, ct);
        if (target is not null)
        {
            await CarryOverAsync(need, target, followers, ct);
        }

        audit.Record($"needs.{command.Move}", nameof(Need), need.Id, before, need.Snapshot(), need.CommunityId);
        var link = $"/needs/{need.Id}";
        if (command.Move == "resolve" && need.RaiserId is { } raiser)
        {
            notifier.Notify([raiser], "诉求“{0}”已解决，请评价", link, [need.Title], except: staffId);
            followers.Remove(raiser);
        }

        notifier.Notify(followers, NotificationKey(command.Move!), link, [need.Title], except: staffId);
        try
        {
            await db.SaveChangesAsync(ct);
            if (target is not null)
            {
                var count = await db.Set<NeedSupport>().CountAsync(s => s.NeedId == target.Id, ct);
                await db.Set<Need>().Where(n => n.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.SupportCount, count), ct);
            }

            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Need>.Conflict("这条诉求刚被其他人更新，请刷新后再试");
        }

        return need;
    }

    /// <summary>Opening a resident's phone number is a read of personal data: it is logged.</summary>
    public async Task<Result<string?>> RevealContactAsync(Guid needId, System.Security.Claims.ClaimsPrincipal actor, CancellationToken ct)
    {
        var need = await db.Set<Need>().AsNoTracking().Where(n => n.Id == needId).Select(n => new { n.CommunityId, n.RaiserId }).FirstOrDefaultAsync(ct);
        if (need is null)
        {
            return Result<string?>.NotFound("未找到这条诉求");
        }

        if (!NeedPeople.CanAnswer(actor, need.CommunityId))
        {
            return Result<string?>.Forbidden();
        }

        var phone = need.RaiserId is null ? null : await db.Users.Where(u => u.Id == need.RaiserId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        audit.RecordPersonalDataRead(nameof(Need), needId, "raiser-phone", need.CommunityId);
        await db.SaveChangesAsync(ct);
        return Result<string?>.Ok(phone);
    }

    private async Task CarryOverAsync(Need source, Need target, List<Guid> followers, CancellationToken ct)
    {
        var already = await db.Set<NeedSupport>().Where(s => s.NeedId == target.Id).Select(s => s.UserId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var user in followers.Distinct().Where(u => u != target.RaiserId && !already.Contains(u)))
        {
            db.Add(new NeedSupport(target.Id, user, now));
        }

        audit.Record("needs.merged-from", nameof(Need), target.Id, null, new { From = source.Id }, target.CommunityId);
    }

    private static ValidationErrors Validate(string? move, string text, Guid? targetId)
    {
        var errors = new ValidationErrors();
        if (move is null || !Moves.Contains(move))
        {
            return errors.Add("move", "不支持的操作");
        }

        if (move is "respond" or "resolve" or "reject" && text.Length == 0)
        {
            errors.Add("text", move switch
            {
                "respond" => "请填写回应内容",
                "resolve" => "请说明做了什么、结果如何",
                _ => "请填写不予受理的理由，居民会看到",
            });
        }

        if (text.Length > Need.AnswerMax)
        {
            errors.Add("text", "回复不能超过 {0} 个字", Need.AnswerMax);
        }

        if (move == "merge" && targetId is null)
        {
            errors.Add("targetId", "请填写要合并到的诉求编号");
        }

        return errors;
    }

    private static string NotificationKey(string move) => move switch
    {
        "respond" => "社区已回应诉求“{0}”",
        "start" => "诉求“{0}”已开始处理",
        "resolve" => "诉求“{0}”已解决",
        "reject" => "诉求“{0}”不予受理，请查看理由",
        _ => "诉求“{0}”已与相同诉求合并",
    };
}
