using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Points.Earning;
using CommunityPartner.Web.Modules.Points.Earning.AwardPoints;
using CommunityPartner.Web.Modules.Points.Recycling.ManageStations;
using CommunityPartner.Web.Modules.Points.Recycling.RecordDropoff;
using CommunityPartner.Web.Modules.Points.Spending.ManageItems;
using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CommunityPartner.Web.Modules.Points;

/// <summary>
/// 上马社区's earn rules, awards to the demo residents, 绿叶便利店's items and redemptions confirmed, pending and cancelled.
/// Goes through the real handlers, so the demo ledger reconciles; idempotent (skips when 上马 already has rules).
/// </summary>
internal sealed class PointsDemoSeed(
    AppDbContext db, ICommunityDirectory communities, IMerchantDirectory merchants, UserManager<AppUser> users,
    AwardPointsHandler award, ManageItemsHandler items, RedeemHandler redeem, CloseRedemptionHandler close,
    ManageStationsHandler stations, RecordDropoffHandler dropoffs, TimeProvider clock) : IDemoSeed
{
    /// <summary>Per community (staff, code): the residents' awards (phone, activity type, how many times).</summary>
    private static readonly (string Staff, string Community, (string Phone, string Activity, int Times)[] Awards)[] Awards =
    [
        ("13900000011", "shangma", [("13900000101", "volunteer", 2), ("13900000101", "cleanup", 1)]),
        ("13900000012", "yuantong", [("13900000102", "volunteer", 1), ("13900000102", "meeting", 1)]),
    ];

    public int Order => 80;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var owner = await users.FindByNameAsync("13900000202");
        var first = await users.FindByNameAsync("13900000101");
        if (owner is null || first?.CommunityId is not { } firstCommunity || await db.Set<EarnRule>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (staffPhone, code, awards) in Awards)
        {
            var staff = await users.FindByNameAsync(staffPhone);
            if (staff is null || await communities.FindByCodeAsync(code, ct) is not { } community)
            {
                continue;
            }

            db.Add(EarnRule.Create(community.Id, "volunteer", "志愿服务", 20, 40, now));
            db.Add(EarnRule.Create(community.Id, "cleanup", "环境整治", 10, 20, now));
            db.Add(EarnRule.Create(community.Id, "meeting", "议事协商", 5, 5, now));
            await db.SaveChangesAsync(ct);
            var staffUser = Principal(staff.Id, community.Id, Roles.CommunityStaff);
            foreach (var (phone, activity, times) in awards)
            {
                for (var i = 0; i < times; i++)
                {
                    await award.HandleAsync(new AwardPointsCommand(phone, activity), $"demo-{phone}-{activity}-{i}", staffUser, ct);
                }
            }

            if (community.Id == firstCommunity)
            {
                await SeedStationAsync(staffUser, first.PhoneNumber!, ct);
            }
        }

        var merchant = (await merchants.MerchantsOfMemberAsync(owner.Id, ct)).FirstOrDefault(m => m.Verified);
        if (merchant is null)
        {
            return;
        }

        var ownerUser = Principal(owner.Id, null, Roles.PartnerMember);
        var soap = (await items.AddAsync(merchant.Id, new AddItemCommand("洗衣皂两块", 10, 30, null, null), DemoPhoto("soap", new SKColor(0x4F, 0x9D, 0xD9)), ownerUser, ct)).Value!;
        await items.AddAsync(merchant.Id, new AddItemCommand("酱油一瓶", 20, 12, null, now.AddDays(60)), DemoPhoto("soy-sauce", new SKColor(0x8D, 0x4E, 0x2A)), ownerUser, ct);
        var firstUser = Principal(first.Id, firstCommunity, Roles.Resident);
        var confirmed = (await redeem.HandleAsync(new RedeemCommand(soap.Id), "demo-redeem-1", firstUser, ct)).Value!;
        await close.ConfirmAsync(confirmed.Code, ownerUser, ct);
        var cancelled = (await redeem.HandleAsync(new RedeemCommand(soap.Id), "demo-redeem-2", firstUser, ct)).Value!;
        await close.CancelAsync(cancelled.Code, firstUser, ct);
        await redeem.HandleAsync(new RedeemCommand(soap.Id), "demo-redeem-3", firstUser, ct);
    }

    /// <summary>A plain picture for a demo item (a coloured card with a light disc), drawn with the app's own imaging library.</summary>
    private static PhotoUpload DemoPhoto(string name, SKColor color)
    {
        using var bitmap = new SKBitmap(480, 320);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color);
            using var paint = new SKPaint { Color = new SKColor(0xFF, 0xF8, 0xE1), IsAntialias = true };
            canvas.DrawCircle(240, 160, 96, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        var bytes = encoded.ToArray();
        return new PhotoUpload(name + ".jpg", bytes.Length, () => new MemoryStream(bytes));
    }

    /// <summary>上马's green station: its rate table, 刘师傅 at the counter, and one paper drop-off by 张阿姨.</summary>
    private async Task SeedStationAsync(ClaimsPrincipal staffUser, string residentPhone, CancellationToken ct)
    {
        var operatorUser = await users.FindByNameAsync("13900000301");
        var station = (await stations.CreateAsync(new CreateStationCommand("上马绿色驿站", operatorUser is null ? [] : [operatorUser.UserName!]), staffUser, ct)).Value;
        if (station is null || operatorUser is null)
        {
            return;
        }

        foreach (var (category, name, points) in new[] { ("paper", "纸类", 20L), ("plastic", "塑料", 30L), ("metal", "金属", 40L), ("textile", "旧衣物", 10L) })
        {
            await stations.SaveRateAsync(station.Id, category, new SaveRateCommand(name, points), staffUser, ct);
        }

        await dropoffs.HandleAsync(station.Id, new RecordDropoffCommand(residentPhone, "paper", 2500), "demo-dropoff-1",
            Principal(operatorUser.Id, operatorUser.CommunityId, Roles.StationOperator), ct);
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
