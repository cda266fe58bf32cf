using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects.RecordRunningCosts;

/// <summary>A month's running costs and funding as typed (yuan, whole numbers); <paramref name="Reason"/> is required to correct a recorded month.</summary>
public sealed record RunningCostInput(decimal? CostsYuan, decimal? OwnIncomeYuan, decimal? MerchantYuan, decimal? PartnerYuan, decimal? DistrictYuan, string? Reason);

/// <summary>What saving a month did: <see cref="Created"/> a new record, or corrected (or left unchanged) an existing one.</summary>
public sealed record RecordedMonth(RunningCostRecord Record, bool Created, bool Changed);

/// <summary>
/// Staff of an operating project's community (and the district admin) record its running costs per month and correct
/// them. A month is yyyy-MM, Beijing time, not in the future and not before the project began operating.
/// </summary>
public sealed partial class RecordRunningCostsHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<RecordedMonth>> SaveAsync(Guid projectId, string? month, RunningCostInput input, ClaimsPrincipal actor, CancellationToken ct)
    {
        var (project, refusal) = await LoadAsync<RecordedMonth>(projectId, actor, ct);
        if (project is null)
        {
            return refusal!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var code = month?.Trim() ?? "";
        if (!MonthPattern().IsMatch(code) || !DateTime.TryParseExact(code, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add("month", "月份应写成 2025-06 这样的格式");
        }
        else if (string.CompareOrdinal(code, DistrictTime.Month(now)) > 0)
        {
            errors.Add("month", "不能记录还没有到的月份");
        }
        else if (project.OperatingSince is { } since && string.CompareOrdinal(code, DistrictTime.Month(since)) < 0)
        {
            errors.Add("month", "不能记录项目开始运营（{0}）之前的月份", DistrictTime.Month(since));
        }

        var costs = Yuan(errors, "costsYuan", input.CostsYuan, "请填写运营成本（元）", mustBePositive: true);
        var own = Yuan(errors, "ownIncomeYuan", input.OwnIncomeYuan, "请填写自身经营收入（元），没有请填 0");
        var merchant = Yuan(errors, "merchantYuan", input.MerchantYuan, "请填写商家支持（元），没有请填 0");
        var partner = Yuan(errors, "partnerYuan", input.PartnerYuan, "请填写合作伙伴支持（元），没有请填 0");
        var district = Yuan(errors, "districtYuan", input.DistrictYuan, "请填写区级财政投入（元），没有请填 0");
        var reason = input.Reason?.Trim() ?? "";
        errors.Text("reason", reason, RunningCostRecord.ReasonMax, null, "更正原因不能超过 {0} 个字");
        if (!errors.IsValid)
        {
            return errors;
        }

        var figures = new RunningCostFigures(costs, own, merchant, partner, district);
        var existing = await db.Set<RunningCostRecord>().FirstOrDefaultAsync(r => r.ProjectId == project.Id && r.Month == code, ct);
        var staffId = actor.UserId()!.Value;
        try
        {
            if (existing is null)
            {
                var record = RunningCostRecord.Record(project, code, figures, staffId, now);
                db.Add(record);
                audit.Record("projects.running-costs-record", nameof(RunningCostRecord), record.Id, null, new { record.ProjectId, record.Month, Figures = figures }, project.CommunityId, staffId);
                await db.SaveChangesAsync(ct);
                return new RecordedMonth(record, Created: true, Changed: true);
            }

            if (existing.Figures == figures)
            {
                return new RecordedMonth(existing, Created: false, Changed: false);
            }

            if (reason.Length == 0)
            {
                return ValidationErrors.Of("reason", "这个月已经记录过；更正时请说明原因");
            }

            var before = existing.Figures;
            existing.Correct(figures, reason, staffId, now);
            audit.Record("projects.running-costs-correct", nameof(RunningCostRecord), existing.Id, new { existing.Month, Figures = before }, new { existing.Month, Figures = figures, Reason = reason }, project.CommunityId, staffId);
            await db.SaveChangesAsync(ct);
            return new RecordedMonth(existing, Created: false, Changed: true);
        }
        catch (DomainException e)
        {
            return Result<RecordedMonth>.Conflict(e.MessageKey, [.. e.Args]);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() || e is DbUpdateConcurrencyException)
        {
            return Result<RecordedMonth>.Conflict("这个月的运营收支刚被其他人记录或更正，请刷新后再看");
        }
    }

    /// <summary>The project's recorded months, newest first.</summary>
    public async Task<Result<(Project Project, IReadOnlyList<RunningCostRecord> Records)>> ListAsync(Guid projectId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var (project, refusal) = await LoadAsync<(Project, IReadOnlyList<RunningCostRecord>)>(projectId, actor, ct);
        if (project is null)
        {
            return refusal!;
        }

        var records = await db.Set<RunningCostRecord>().AsNoTracking().Where(r => r.ProjectId == projectId).ToListAsync(ct);
        return (project, [.. records.OrderByDescending(r => r.Month, StringComparer.Ordinal)]);
    }

    private static long Yuan(ValidationErrors errors, string field, decimal? value, string missingKey, bool mustBePositive = false)
    {
        if (value is not { } v)
        {
            errors.Add(field, missingKey);
            return 0;
        }

        if (v != decimal.Truncate(v))
        {
            errors.Add(field, "请填写整数元，不带角分");
        }
        else if (mustBePositive && v <= 0)
        {
            errors.Add(field, "运营成本须大于 0 元");
        }
        else if (v < 0)
        {
            errors.Add(field, "金额不能为负数");
        }
        else if (v > Project.MaxYuan)
        {
            errors.Add(field, "金额不能超过 {0} 元", Project.MaxYuan);
        }
        else
        {
            return (long)v;
        }

        return 0;
    }

    private async Task<(Project? Project, Result<T>? Refusal)> LoadAsync<T>(Guid projectId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null || (project.Status == ProjectStatus.Draft && !ProjectPeople.CanManage(actor, project.CommunityId)))
        {
            return (null, Result<T>.NotFound("未找到这个项目"));
        }

        if (!ProjectPeople.CanManage(actor, project.CommunityId) || actor.UserId() is null)
        {
            return (null, Result<T>.Forbidden("只有本社区的社区工作者可以记录这个项目的运营收支"));
        }

        return (project, null);
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex MonthPattern();
}
