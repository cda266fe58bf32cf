using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners;

/// <summary>The demo partner members' partners (see the README's demo accounts): one verified of each type, plus one awaiting review.</summary>
internal sealed class PartnersDemoSeed(AppDbContext db, ICommunityDirectory communities, UserManager<AppUser> users, TimeProvider clock) : IDemoSeed
{
    private static readonly (string Member, PartnerType Type, string Name, string? Code, string Contact, string[] Strengths, string[] Communities, string Intro, bool Verified)[] Partners =
    [
        ("13900000201", PartnerType.Enterprise, "科技城建设集团", "91110000600037341L", "王经理", ["funding", "building-repair", "it"], ["shangma", "yuantong"],
            "新区的建设企业，参与老旧设施改造和智慧设备安装。", true),
        ("13900000202", PartnerType.Merchant, "绿叶便利店", "91350100M000100Y43", "赵老板", ["catering", "recycling"], ["shangma"],
            "上马社区门口的便利店，加入积分兑换，居民可用积分换日用品。", true),
        ("13900000203", PartnerType.SocialOrganisation, "益邻社工服务中心", "5251000050987654XB", "孙社工", ["education", "volunteers"], ["yuantong"],
            "专注儿童和长者服务的社工机构，可以设计自然教育课程、组织志愿者。", true),
        ("13900000204", PartnerType.Individual, "李阿姨", null, "李阿姨", ["funding", "gardening"], ["shangma"],
            "退休教师，每年拿出一部分退休金支持社区的绿化和儿童活动。", true),
        ("13900000205", PartnerType.SocialOrganisation, "新区青年志愿者协会", "521100005012345696", "周会长", ["volunteers", "culture"], ["yuantong", "shangma"],
            "组织青年志愿者参加社区服务和文体活动。", false),
    ];

    public int Order => 45;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Partner>().AnyAsync(cancellationToken))
        {
            return;
        }

        var admin = await users.FindByNameAsync("13900000000");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in Partners)
        {
            var member = await users.FindByNameAsync(p.Member);
            if (member is null || admin is null)
            {
                continue;
            }

            var served = new List<Guid>();
            foreach (var code in p.Communities)
            {
                if (await communities.FindByCodeAsync(code, cancellationToken) is { } c)
                {
                    served.Add(c.Id);
                }
            }

            var partner = Partner.Register(
                new PartnerDraft(p.Type, p.Name, p.Code, p.Contact, p.Member, p.Intro, p.Strengths, served, ShowOnHonourWall: true),
                member.Id, now.AddDays(-200));
            if (p.Verified)
            {
                partner.Verify(admin.Id, now.AddDays(-198));
            }

            db.Add(partner);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
