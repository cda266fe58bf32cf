using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Earning.CheckIn;

public sealed record CreateActivityCommand(string? Title, string? ActivityType, DateTime? StartsAt, DateTime? EndsAt);

public sealed record ActivityDto(
    Guid Id, Guid CommunityId, string Title, string ActivityType, string RuleName, long Points, string Code, string CheckInPath, DateTime StartsAt, DateTime EndsAt, int Attendees);

public sealed record AttendeeDto(Guid UserId, string Name, string Phone, long Points, DateTime At);

/// <summary>Staff open a check-in activity for their community and see who checked in.</summary>
public sealed class ActivitiesHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public static string PathOf(string code) => $"/points/checkin/{code}";

    public async Task<Result<ActivityDto>> CreateAsync(CreateActivityCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } staffId || !actor.IsInRole(Roles.CommunityStaff) || actor.CommunityId() is not { } communityId)
        {
            return Result<ActivityDto>.Forbidden("只有社区工作者可以创建签到活动");
        }

        var errors = new ValidationErrors();
        var title = command.Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > PointsActivity.TitleMax)
        {
            errors.Add("title", "请填写活动名称（不超过 {0} 个字）", PointsActivity.TitleMax);
        }

        var activityType = command.ActivityType?.Trim() ?? "";
        var rule = activityType.Length == 0 ? null
            : await db.Set<EarnRule>().AsNoTracking().FirstOrDefaultAsync(r => r.CommunityId == communityId && r.ActivityType == activityType, ct);
        if (rule is null)
        {
            errors.Add("activityType", activityType.Length == 0 ? "请选择活动类型" : "本社区没有这类活动的积分规则");
        }

        if (command.StartsAt is null)
        {
            errors.Add("startsAt", "请填写签到开始时间");
        }

        if (command.EndsAt is null)
        {
            errors.Add("endsAt", "请填写签到结束时间");
        }
        else if (command.StartsAt is { } s && DistrictTime.ToUtc(command.EndsAt.Value) <= DistrictTime.ToUtc(s))
        {
            errors.Add("endsAt", "结束时间必须晚于开始时间");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var starts = DistrictTime.ToUtc(command.StartsAt!.Value);
        var ends = DistrictTime.ToUtc(command.EndsAt!.Value);
        for (var attempt = 0; ; attempt++)
        {
            var activity = PointsActivity.Create(communityId, title, activityType, starts, ends, staffId, clock.GetUtcNow().UtcDateTime);
            db.Add(activity);
            audit.Record("points.activity.created", nameof(PointsActivity), activity.Id, null, activity.Snapshot(), communityId, staffId);
            try
            {
                await db.SaveChangesAsync(ct);
                return ToDto(activity, rule!, 0);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 5)
            {
                // Another activity drew the same code: draw again.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<IReadOnlyList<ActivityDto>> ListAsync(Guid communityId, CancellationToken ct)
    {
        var activities = await db.Set<PointsActivity>().AsNoTracking().Where(a => a.CommunityId == communityId)
            .OrderByDescending(a => a.StartsAt).Take(50).ToListAsync(ct);
        var result = new List<ActivityDto>(activities.Count);
        foreach (var a in activities)
        {
            result.Add(await DescribeAsync(a, ct));
        }

        return result;
    }

    public async Task<ActivityDto?> FindByCodeAsync(string? code, CancellationToken ct)
    {
        var normalized = PointsActivity.NormalizeCode(code);
        var activity = await db.Set<PointsActivity>().AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalized, ct);
        return activity is null ? null : await DescribeAsync(activity, ct);
    }

    /// <summary>The activity and its attendees, for staff of its community only.</summary>
    public async Task<Result<(ActivityDto Activity, IReadOnlyList<AttendeeDto> Attendees)>> AttendeesAsync(Guid id, ClaimsPrincipal actor, CancellationToken ct)
    {
        var activity = await db.Set<PointsActivity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
        {
            return Result<(ActivityDto, IReadOnlyList<AttendeeDto>)>.NotFound("没有找到这个签到活动");
        }

        if (!actor.IsInRole(Roles.CommunityStaff) || actor.CommunityId() != activity.CommunityId)
        {
            return Result<(ActivityDto, IReadOnlyList<AttendeeDto>)>.Forbidden("只有本社区的社区工作者可以查看签到名单");
        }

        var rows = await (from c in db.Set<ActivityCheckIn>().AsNoTracking()
                          join u in db.Users.AsNoTracking() on c.UserId equals u.Id
                          where c.ActivityId == id
                          orderby c.At
                          select new { c.UserId, u.DisplayName, u.PhoneNumber, c.Points, c.At }).ToListAsync(ct);
        IReadOnlyList<AttendeeDto> attendees = [.. rows.Select(r => new AttendeeDto(r.UserId, r.DisplayName, PersonalData.MaskPhone(r.PhoneNumber), r.Points, r.At))];
        return (await DescribeAsync(activity, ct), attendees);
    }

    private async Task<ActivityDto> DescribeAsync(PointsActivity activity, CancellationToken ct)
    {
        var rule = await db.Set<EarnRule>().AsNoTracking().FirstOrDefaultAsync(r => r.CommunityId == activity.CommunityId && r.ActivityType == activity.ActivityType, ct);
        var count = await db.Set<ActivityCheckIn>().CountAsync(c => c.ActivityId == activity.Id, ct);
        return ToDto(activity, rule, count);
    }

    private static ActivityDto ToDto(PointsActivity a, EarnRule? rule, int attendees) =>
        new(a.Id, a.CommunityId, a.Title, a.ActivityType, rule?.Name ?? a.ActivityType, rule?.Points ?? 0, a.Code, PathOf(a.Code), a.StartsAt, a.EndsAt, attendees);
}
