using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <summary>
/// Offers in every state and three signed intents: 科技城建设集团 installs and runs the green station's recycling machines
/// (120 hours) and funds part of the works; 李阿姨 gives money for it; 益邻社工 runs the study base's activities. Runs after
/// the roadshows (60); does nothing when offers exist.
/// </summary>
internal sealed class CooperationDemoSeed(AppDbContext db, IProjectCatalog catalog, IProjectMatching projects, IPartnerRoster partners, UserManager<AppUser> users, TimeProvider clock) : IDemoSeed
{
    private const string GreenStation = "微更新·智慧绿色驿站";
    private const string NatureBase = "自然童行研学基地";
    private const string Lighting = "楼道照明更新（示例）";

    public int Order => 70;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Offer>().AnyAsync(cancellationToken))
        {
            return;
        }

        var pitchable = await catalog.ListPitchableAsync(null, cancellationToken);
        var enterprise = await MemberAsync("13900000201", cancellationToken);
        var merchant = await MemberAsync("13900000202", cancellationToken);
        var social = await MemberAsync("13900000203", cancellationToken);
        var donor = await MemberAsync("13900000204", cancellationToken);
        var shangmaStaff = await users.FindByNameAsync("13900000011");
        var yuantongStaff = await users.FindByNameAsync("13900000012");
        var admin = await users.FindByNameAsync("13900000000");
        if (enterprise is null || merchant is null || social is null || donor is null || shangmaStaff is null || yuantongStaff is null || admin is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        async Task<ProjectWithAsks?> Project(string title) =>
            pitchable.FirstOrDefault(p => p.Title == title) is { } brief ? await projects.FindWithAsksAsync(brief.Id, cancellationToken) : null;
        Guid? Ask(ProjectWithAsks p, string kind) => p.Asks.FirstOrDefault(a => a.Kind == kind)?.Id;

        if (await Project(GreenStation) is { } green)
        {
            var signed = Make(green, enterprise.Value, now.AddDays(-90),
                [new(OfferLineKind.Service, "智能回收设备安装调试与一年运维", 120, 36_000, Ask(green, "service")), new(OfferLineKind.Money, "", null, 50_000, Ask(green, "funding"))],
                "我们可以负责回收设备的安装调试，并提供一年运维，另外捐赠部分改造资金。");
            signed.Offer.Post(shangmaStaff.Id, OfferSide.Community, "非常感谢！安装时间和驿站施工进度一起商量。", now.AddDays(-89));
            signed.Offer.Accept(shangmaStaff.Id, now.AddDays(-88));
            var intent = CooperationIntent.FromOffer(signed.Offer, shangmaStaff.Id, now.AddDays(-88));
            intent.Confirm(OfferSide.Community, shangmaStaff.Id, partnerVerified: true, now.AddDays(-87));
            intent.Confirm(OfferSide.Partner, signed.UserId, partnerVerified: true, now.AddDays(-86));
            signed.Offer.MarkSigned(now.AddDays(-86));
            db.Add(intent);

            // Partly delivered: half the money and 40 of 120 hours confirmed, 10 more hours awaiting confirmation.
            var lines = intent.SignedVersion!.Lines;
            var money = lines.First(l => l.Kind == OfferLineKind.Money);
            var service = lines.First(l => l.Kind == OfferLineKind.Service);
            var funds = Delivery.Record(intent, money, 25_000, null, "首笔捐赠资金已转入社区专项账户", signed.UserId, now.AddDays(-80));
            funds.Confirm(shangmaStaff.Id, now.AddDays(-79));
            var install = Delivery.Record(intent, service, 12_000, 40, "完成 4 台智能回收机的安装调试", signed.UserId, now.AddDays(-60));
            install.Confirm(shangmaStaff.Id, now.AddDays(-58));
            var upkeep = Delivery.Record(intent, service, 3_000, 10, "第一季度例行巡检与软件升级", signed.UserId, now.AddDays(-3));
            db.AddRange(funds, install, upkeep);

            // 李阿姨, a caring individual, gives money for the station; it has arrived and the community confirmed it.
            var gift = Make(green, donor.Value, now.AddDays(-40), [new(OfferLineKind.Money, "", null, 5_000, Ask(green, "funding"))], "一点心意，支持驿站建设。");
            var giftIntent = Sign(gift, shangmaStaff.Id, now.AddDays(-38));
            var received = Delivery.Record(giftIntent, giftIntent.SignedVersion!.Lines[0], 5_000, null, "捐款已转入社区专项账户", gift.UserId, now.AddDays(-35));
            received.Confirm(shangmaStaff.Id, now.AddDays(-34));
            db.Add(received);

            // 绿叶便利店 offers goods for the points exchange; the community is still asking questions.
            var goods = Make(green, merchant.Value, now.AddDays(-4), [new(OfferLineKind.Resource, "积分兑换用的日用品（每月 200 件）", null, 3_000, null)],
                "我们店加入积分兑换，居民在驿站攒的积分可以到店里换日用品。");
            goods.Offer.Post(shangmaStaff.Id, OfferSide.Community, "很好！每月的品类可以提前一周告诉我们吗？", now.AddDays(-3));
        }

        if (await Project(NatureBase) is { } nature)
        {
            var course = Ask(nature, "service");
            // 益邻社工 runs the study base's activities: signed, the first two sessions given and confirmed.
            var activities = Make(nature, social.Value, now.AddDays(-30),
                [new(OfferLineKind.Service, "自然教育课程设计与带课", 40, 8_000, course), new(OfferLineKind.Resource, "带队志愿者 10 人次", null, 2_000, nature.Asks.FirstOrDefault(a => a.Title.Contains("志愿者", StringComparison.Ordinal))?.Id)],
                "我们有儿童自然教育的经验，可以先设计并带四次课程。");
            activities.Offer.Post(yuantongStaff.Id, OfferSide.Community, "课程能否覆盖雨天的室内备选方案？", now.AddDays(-29));
            var studyIntent = Sign(activities, yuantongStaff.Id, now.AddDays(-27));
            var sessions = Delivery.Record(studyIntent, studyIntent.SignedVersion!.Lines.First(l => l.Kind == OfferLineKind.Service), 3_200, 16,
                "完成前两次自然教育课（雨天改在社区活动室）", activities.UserId, now.AddDays(-10));
            sessions.Confirm(yuantongStaff.Id, now.AddDays(-9));
            db.Add(sessions);

            var declined = Make(nature, merchant.Value, now.AddDays(-20), [new(OfferLineKind.Money, "", null, 2_000, Ask(nature, "funding"))], null);
            declined.Offer.Decline(yuantongStaff.Id, "感谢好意！标识设施已由街道统一配置，这笔资金请考虑支持上马社区的绿色驿站。", now.AddDays(-18));

            var withdrawn = Make(nature, enterprise.Value, now.AddDays(-15), [new(OfferLineKind.Resource, "公司园区草坪作为研学场地", null, 12_000, nature.Asks[0].Id)], null);
            withdrawn.Offer.Withdraw(now.AddDays(-12));
        }

        if (await Project(Lighting) is { } lighting)
        {
            var accepted = Make(lighting, enterprise.Value, now.AddDays(-8), [new(OfferLineKind.Service, "电工安装感应灯", 60, 9_000, Ask(lighting, "service"))], null);
            accepted.Offer.Accept(admin.Id, now.AddDays(-7));
            db.Add(CooperationIntent.FromOffer(accepted.Offer, admin.Id, now.AddDays(-7)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The community accepts and both sides confirm version 1: a signed intent, as the two pages would make it.</summary>
    private CooperationIntent Sign((Offer Offer, Guid UserId) made, Guid staffId, DateTime at)
    {
        made.Offer.Accept(staffId, at);
        var intent = CooperationIntent.FromOffer(made.Offer, staffId, at);
        intent.Confirm(OfferSide.Community, staffId, partnerVerified: true, at.AddHours(2));
        intent.Confirm(OfferSide.Partner, made.UserId, partnerVerified: true, at.AddHours(4));
        made.Offer.MarkSigned(at.AddHours(4));
        db.Add(intent);
        return intent;
    }

    private (Offer Offer, Guid UserId) Make(ProjectWithAsks project, (Guid PartnerId, Guid UserId) by, DateTime at, OfferLineDraft[] lines, string? message)
    {
        var offer = Offer.Make(project.Brief.Id, project.Brief.CommunityId, by.PartnerId, by.UserId, lines, null, message, at);
        db.Add(offer);
        return (offer, by.UserId);
    }

    private async Task<(Guid PartnerId, Guid UserId)?> MemberAsync(string phone, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(phone);
        var partner = user is null ? null : await partners.OfMemberAsync(user.Id, ct) is [var first, ..] ? first : null;
        return user is null || partner is null ? null : (partner.Id, user.Id);
    }
}
