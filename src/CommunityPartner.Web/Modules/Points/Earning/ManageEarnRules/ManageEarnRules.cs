using System.Security.Claims;
using System.Text.RegularExpressions;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Earning.ManageEarnRules;

public sealed record SaveEarnRuleCommand(string? ActivityType, string? Name, long Points, long DailyCap);

public sealed record EarnRuleDto(string ActivityType, string Name, long Points, long DailyCap);

/// <summary>Community staff set their community's earn rules: one per activity type, created or changed in place.</summary>
public sealed partial class ManageEarnRulesHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<EarnRuleDto>> ListAsync(Guid communityId, CancellationToken ct) =>
        await db.Set<EarnRule>().AsNoTracking().Where(r => r.CommunityId == communityId).OrderBy(r => r.ActivityType)
            .Select(r => new EarnRuleDto(r.ActivityType, r.Name, r.Points, r.DailyCap)).ToListAsync(ct);

    public async Task<Result<EarnRuleDto>> SaveAsync(SaveEarnRuleCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } staffId || !actor.IsInRole(Roles.CommunityStaff) || actor.CommunityId() is not { } communityId)
        {
            return Result<EarnRuleDto>.Forbidden("只有社区工作者可以设置积分规则");
        }

        var errors = new ValidationErrors();
        var type = command.ActivityType?.Trim() ?? "";
        if (!TypePattern().IsMatch(type))
        {
            errors.Add("activityType", "活动类型代码只能用小写字母、数字和短横线，最多 {0} 个字符", EarnRule.ActivityTypeMax);
        }

        errors.Text("name", command.Name?.Trim() ?? "", EarnRule.NameMax, "请填写活动名称", "活动名称不能超过 {0} 个字");
        if (command.Points is <= 0 or > EarnRule.PointsMax)
        {
            errors.Add("points", "单次积分应在 1 到 {0} 之间", EarnRule.PointsMax);
        }
        else if (command.DailyCap < command.Points)
        {
            errors.Add("dailyCap", "每日上限不能小于单次积分");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rule = await db.Set<EarnRule>().FirstOrDefaultAsync(r => r.CommunityId == communityId && r.ActivityType == type, ct);
        var before = rule?.Snapshot();
        if (rule is null)
        {
            rule = EarnRule.Create(communityId, type, command.Name!.Trim(), command.Points, command.DailyCap, now);
            db.Add(rule);
        }
        else
        {
            rule.Change(command.Name!.Trim(), command.Points, command.DailyCap, now);
        }

        audit.Record("points.earn-rule.save", nameof(EarnRule), rule.Id, before, rule.Snapshot(), communityId, staffId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Result<EarnRuleDto>.Conflict("这类活动的积分规则刚被别人设置，请刷新后再试");
        }

        return new EarnRuleDto(rule.ActivityType, rule.Name, rule.Points, rule.DailyCap);
    }

    [GeneratedRegex("^[a-z0-9-]{1,30}$")]
    private static partial Regex TypePattern();
}
