using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Bills.PublishBill;

/// <summary>
/// Publishes a bill for a closed period: the live figures and the ids behind them are frozen as the next version.
/// Community staff publish their community's bill, the district admin any community's and the district's own. The
/// first version needs no note; a correction must say why, and is refused when nothing changed.
/// </summary>
public sealed class PublishBillHandler(AppDbContext db, BillReader reader, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<BillVersion>> PublishAsync(ClaimsPrincipal user, string? communityCode, string? periodCode, string? note, CancellationToken ct)
    {
        var (errors, community, period) = await reader.ScopeAsync(communityCode, periodCode, ct);
        errors.Text("note", note ?? "", BillVersion.NoteMax, null, "说明不能超过 300 个字");
        if (!errors.IsValid)
        {
            return errors;
        }

        if (!BillPeople.CanSeeDraft(user, community?.Id))
        {
            return Result<BillVersion>.Forbidden(community is null ? "全区的账单由区管理员发布" : "只有本社区工作人员和区管理员可以发布这份账单");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!period.IsClosed(now))
        {
            return Result<BillVersion>.Conflict("账期结束后才能发布账单");
        }

        var scope = BillVersion.ScopeOf(community?.Id);
        var latest = await db.Set<BillVersion>().AsNoTracking()
            .Where(v => v.Scope == scope && v.PeriodCode == period.Code).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is not null && string.IsNullOrWhiteSpace(note))
        {
            return ValidationErrors.Of("note", "发布更正版本时，请说明更正的原因");
        }

        var live = await reader.LiveAsync(community, period, ct);
        var version = BillVersion.Publish(live.Sheet, live.Records, (latest?.Number ?? 0) + 1, note, user.UserId()!.Value, now);
        if (latest is not null && latest.ContentHash == version.ContentHash)
        {
            return Result<BillVersion>.Conflict("数字和记录与第 {0} 版相同，不需要发布新版本", latest.Number);
        }

        db.Add(version);
        audit.Record("bills.publish", nameof(BillVersion), version.Id, null, new { version.Scope, version.PeriodCode, version.Number, version.ContentHash, version.Note }, community?.Id, user.UserId());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Result<BillVersion>.Conflict("刚刚有人发布了这一期账单，请刷新后再看");
        }

        return version;
    }
}
