using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners.HonourWall;

/// <summary>A member of the partner opts it in to the honour wall (爱心榜) or out of it. Off unless they choose it.</summary>
public sealed class SetHonourWallHandler(AppDbContext db, AuditLog audit)
{
    public async Task<Result<Partner>> HandleAsync(Guid partnerId, bool show, ClaimsPrincipal actor, CancellationToken ct)
    {
        var partner = await db.Set<Partner>().Include(p => p.Members).Include(p => p.Strengths).Include(p => p.Communities)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null)
        {
            return Result<Partner>.NotFound("未找到这个合伙人");
        }

        if (actor.UserId() is not { } userId || !partner.HasMember(userId))
        {
            return Result<Partner>.Forbidden("只有这个合伙人的成员可以修改它的资料");
        }

        var before = partner.Snapshot();
        try
        {
            partner.SetHonourWall(show);
        }
        catch (DomainException e)
        {
            return Result<Partner>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record("partners.honour_wall", nameof(Partner), partner.Id, before, partner.Snapshot(), null, userId);
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
