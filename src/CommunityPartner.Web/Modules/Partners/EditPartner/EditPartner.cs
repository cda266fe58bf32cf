using System.Security.Claims;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Partners.RegisterPartner;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners.EditPartner;

/// <summary>
/// A member keeps the partner's profile: the same checks as registration. A rejected partner that is corrected goes back
/// to review; a verified one stays verified unless its name, type or credit code changes (the entity decides).
/// </summary>
public sealed class EditPartnerHandler(AppDbContext db, RegisterPartnerHandler register, INotifier notifier, AuditLog audit)
{
    public async Task<Result<Partner>> HandleAsync(Guid partnerId, PartnerInput input, int? version, ClaimsPrincipal actor, CancellationToken ct)
    {
        var partner = await db.Set<Partner>().Include(p => p.Members).Include(p => p.Strengths).Include(p => p.Communities)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null)
        {
            return Result<Partner>.NotFound("未找到这个合伙人");
        }

        if (actor.UserId() is not { } userId || !partner.HasMember(userId))
        {
            return Result<Partner>.Forbidden("只有本合伙人的成员可以修改资料");
        }

        if (version is { } expected && expected != partner.Version)
        {
            return Result<Partner>.Conflict("这个合伙人刚被其他人更新，请刷新后再试");
        }

        var errors = new ValidationErrors();
        var draft = await register.CheckAsync(input, partnerId, errors, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        var before = partner.Snapshot();
        var wasPending = partner.Status == PartnerStatus.Pending;
        partner.Edit(draft!);
        audit.Record("partners.edit", nameof(Partner), partner.Id, before, partner.Snapshot(), null, userId);
        if (!wasPending && partner.Status == PartnerStatus.Pending)
        {
            notifier.Notify(await register.AdminsAsync(ct), "合伙人“{0}”修改了资料，等待重新审核", "/admin/partners", [partner.Name]);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Partner>.Conflict("这个合伙人刚被其他人更新，请刷新后再试");
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return ValidationErrors.Of("creditCode", "这个统一社会信用代码已经登记过，请联系该合伙人的成员邀请你加入");
        }

        return partner;
    }
}
