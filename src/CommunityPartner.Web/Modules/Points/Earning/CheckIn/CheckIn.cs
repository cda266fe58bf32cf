using System.Security.Claims;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Earning.CheckIn;

public sealed record CheckInCommand(string? Code);

public sealed record CheckInResult(Guid ActivityId, string Title, long TransferId, long Points, DateTime At);

/// <summary>
/// A signed-in resident checks in at an activity by its code and earns the points of the activity community's earn rule,
/// from that community's pool — once per activity (the check-in's key is activity + resident), within the activity's
/// time window, under the rule's daily cap. Any resident may check in: a neighbour from the next community who came
/// to help is paid by the community that ran the activity.
/// </summary>
public sealed class CheckInHandler(AppDbContext db, PointsLedger ledger, AuditLog audit, TimeProvider clock)
{
    public Task<CheckInResult?> FindAsync(Guid activityId, Guid userId, CancellationToken ct) =>
        (from c in db.Set<ActivityCheckIn>().AsNoTracking()
         join a in db.Set<PointsActivity>().AsNoTracking() on c.ActivityId equals a.Id
         where c.ActivityId == activityId && c.UserId == userId
         select new CheckInResult(a.Id, a.Title, c.TransferId, c.Points, c.At)).FirstOrDefaultAsync(ct);

    public async Task<Result<CheckInResult>> HandleAsync(CheckInCommand command, string? idempotencyKey, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } userId)
        {
            return Result<CheckInResult>.Forbidden("请先登录再签到");
        }

        var errors = new ValidationErrors();
        var key = Idempotency.Scope(idempotencyKey, "checkin", userId, errors);
        var code = PointsActivity.NormalizeCode(command.Code);
        if (code.Length == 0)
        {
            errors.Add("code", "请填写签到码");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var activity = await db.Set<PointsActivity>().AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (activity is null)
        {
            return Result<CheckInResult>.NotFound("没有找到这个签到码对应的活动");
        }

        var hash = Idempotency.Hash("checkin", activity.Id);
        var earlier = await ledger.FindByKeyAsync(key!, ct);
        if (earlier is null && await FindAsync(activity.Id, userId, ct) is { } done)
        {
            // Checked in before (perhaps from another device, with another key): the first check-in is the answer.
            return done;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (earlier is null && !activity.IsOpenAt(now))
        {
            return Result<CheckInResult>.Conflict("现在不在签到时间内（{0} 至 {1}）", Local(activity.StartsAt), Local(activity.EndsAt));
        }

        var rule = await db.Set<EarnRule>().AsNoTracking().FirstOrDefaultAsync(r => r.CommunityId == activity.CommunityId && r.ActivityType == activity.ActivityType, ct);
        if (rule is null)
        {
            return Result<CheckInResult>.Conflict("这个活动的积分规则已不存在，请联系社区工作者");
        }

        var pool = await ledger.AccountAsync(AccountKind.CommunityPool, activity.CommunityId, ct);
        var account = await ledger.AccountAsync(AccountKind.Resident, userId, ct);
        var day = DailyEarning.DayOf(now);
        await DailyCap.EnsureDayAsync(db, userId, activity.CommunityId, activity.ActivityType, day, ct);

        try
        {
            return await ledger.ExecuteAsync<CheckInResult>(key!, hash, async c =>
            {
                if (!await DailyCap.TryCountAsync(db, userId, activity.CommunityId, activity.ActivityType, day, rule.Points, rule.DailyCap, c))
                {
                    return Result<CheckInResult>.Conflict("你今天参加这类活动的积分已达上限（{0} 分）", rule.DailyCap);
                }

                await ledger.PostAsync(new TransferOrder(pool, account, rule.Points, TransferKind.Award, "activity", activity.Id.ToString(), userId, activity.Title, key!, hash), c);
                audit.Record("points.checkin", nameof(PointsActivity), activity.Id, null, new { ResidentId = userId, rule.Points }, activity.CommunityId, userId);
                await db.SaveChangesAsync(c);
                var transfer = await db.Set<PointsTransfer>().Where(t => t.IdempotencyKey == key).Select(t => t.Id).FirstAsync(c);
                db.Add(ActivityCheckIn.Record(activity.Id, userId, transfer, rule.Points, now));
                await db.SaveChangesAsync(c);
                return new CheckInResult(activity.Id, activity.Title, transfer, rule.Points, now);
            }, async (_, c) => await FindAsync(activity.Id, userId, c) is { } first
                ? first
                : Result<CheckInResult>.Conflict("操作与当前状态冲突"), ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel check-in with another key won the (activity, resident) row; everything of ours rolled back.
            db.ChangeTracker.Clear();
            return await FindAsync(activity.Id, userId, ct) is { } first ? first : throw new InvalidOperationException("Check-in vanished after a unique violation.", e);
        }
    }

    private static string Local(DateTime utc) => DistrictTime.Minutes(utc);
}
