using System.Security.Claims;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners.ReviewPartner;

/// <summary>The district admin verifies a partner, or rejects it with a reason its members read.</summary>
public sealed class ReviewPartnerHandler(AppDbContext db, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Partner>> HandleAsync(Guid partnerId, bool verify, string? reason, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.DistrictAdmin) || actor.UserId() is not { } adminId)
        {
            return Result<Partner>.Forbidden("只有新区管理员可以审核合伙人");
        }

        var partner = await db.Set<Partner>().Include(p => p.Members).Include(p => p.Strengths).Include(p => p.Communities)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null)
        {
            return Result<Partner>.NotFound("未找到这个合伙人");
        }

        var text = reason?.Trim() ?? "";
        if (!verify && text.Length == 0)
        {
            return ValidationErrors.Of("reason", "请填写不通过的理由，合伙人会看到");
        }

        if (text.Length > Partner.ReasonMax)
        {
            return ValidationErrors.Of("reason", "理由不能超过 {0} 个字", Partner.ReasonMax);
        }

        var before = partner.Snapshot();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (verify)
            {
                partner.Verify(adminId, now);
            }
            else
            {
                partner.Reject(adminId, text, now);
            }
        }
        catch (DomainException e)
        {
            return Result<Partner>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record(verify ? "partners.verify" : "partners.reject", nameof(Partner), partner.Id, before, partner.Snapshot(), null, adminId);
        notifier.Notify(partner.Members.Select(m => m.UserId),
            verify ? "合伙人“{0}”已通过认证" : "合伙人“{0}”未通过审核，请查看理由并修改", $"/partners/{partner.Id}", [partner.Name]);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Partner>.Conflict("这个合伙人刚被其他人更新，请刷新后再试");
        }

        return partner;
    }
}
