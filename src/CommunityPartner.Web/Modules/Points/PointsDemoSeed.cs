using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Earning;
using CommunityPartner.Web.Modules.Points.Earning.AwardPoints;
using CommunityPartner.Web.Modules.Points.Spending.ManageItems;
using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points;

/// <summary>
/// 上马社区's earn rules, awards to the demo residents, 绿叶便利店's items and redemptions confirmed, pending and cancelled.
/// Goes through the real handlers, so the demo ledger reconciles; idempotent (skips when 上马 already has rules).
/// </summary>
internal sealed class PointsDemoSeed(
    AppDbContext db, ICommunityDirectory communities, IMerchantDirectory merchants, UserManager<AppUser> users,
    AwardPointsHandler award, ManageItemsHandler items, RedeemHandler redeem, CloseRedemptionHandler close, TimeProvider clock) : IDemoSeed
{
    public int Order => 80;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var shangma = await communities.FindByCodeAsync("shangma", ct);
        var staff = await users.FindByNameAsync("13900000011");
        var owner = await users.FindByNameAsync("13900000202");
        var residents = new[] { await users.FindByNameAsync("13900000101"), await users.FindByNameAsync("13900000102") };
        if (shangma is null || staff is null || owner is null || residents.Any(r => r is null)
            || await db.Set<EarnRule>().AnyAsync(r => r.CommunityId == shangma.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(EarnRule.Create(shangma.Id, "volunteer", "志愿服务", 20, 40, now));
        db.Add(EarnRule.Create(shangma.Id, "cleanup", "环境整治", 10, 20, now));
        db.Add(EarnRule.Create(shangma.Id, "meeting", "议事协商", 5, 5, now));
        await db.SaveChangesAsync(ct);

        var staffUser = Principal(staff.Id, shangma.Id, Roles.CommunityStaff);
        foreach (var (resident, activity, n) in new[] { (residents[0]!, "volunteer", 2), (residents[0]!, "cleanup", 1), (residents[1]!, "volunteer", 1), (residents[1]!, "meeting", 1) })
        {
            for (var i = 0; i < n; i++)
            {
                await award.HandleAsync(new AwardPointsCommand(resident.PhoneNumber, activity), $"demo-{resident.UserName}-{activity}-{i}", staffUser, ct);
            }
        }

        var merchant = (await merchants.MerchantsOfMemberAsync(owner.Id, ct)).FirstOrDefault(m => m.Verified);
        if (merchant is null)
        {
            return;
        }

        var ownerUser = Principal(owner.Id, null, Roles.PartnerMember);
        var soap = (await items.AddAsync(merchant.Id, new AddItemCommand("洗衣皂两块", 10, 30, null, null), ownerUser, ct)).Value!;
        await items.AddAsync(merchant.Id, new AddItemCommand("酱油一瓶", 20, 12, null, now.AddDays(60)), ownerUser, ct);
        var first = residents[0]!;
        var firstUser = Principal(first.Id, shangma.Id, Roles.Resident);
        var confirmed = (await redeem.HandleAsync(new RedeemCommand(soap.Id), "demo-redeem-1", firstUser, ct)).Value!;
        await close.ConfirmAsync(confirmed.Code, ownerUser, ct);
        var cancelled = (await redeem.HandleAsync(new RedeemCommand(soap.Id), "demo-redeem-2", firstUser, ct)).Value!;
        await close.CancelAsync(cancelled.Code, firstUser, ct);
        await redeem.HandleAsync(new RedeemCommand(soap.Id), "demo-redeem-3", firstUser, ct);
    }

    private static ClaimsPrincipal Principal(Guid userId, Guid? communityId, string role)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId.ToClaimValue()), new(ClaimTypes.Role, role) };
        if (communityId is { } c)
        {
            claims.Add(new Claim(AppClaims.Community, c.ToClaimValue()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "demo-seed"));
    }
}
