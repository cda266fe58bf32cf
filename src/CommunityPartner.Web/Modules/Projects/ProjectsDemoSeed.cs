using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects;

/// <summary>
/// The seed's two real projects — 上马's smart green station and 元通's nature study base — and one project per sample
/// community, in a spread of states, each answering open needs of its community where there are some.
/// </summary>
internal sealed class ProjectsDemoSeed(AppDbContext db, ICommunityDirectory communities, INeedLinks needs, UserManager<AppUser> users, TimeProvider clock) : IDemoSeed
{
    public const string GreenStationTitle = "微更新·智慧绿色驿站";
    public const string NatureBaseTitle = "自然童行研学基地";

    private enum Stage { Draft, Recruiting, InProgress, Completed, Operating }

    private sealed record Plan(
        string Community, string Category, string Title, string Summary, string Description, string Address, OperatingModel Model,
        string Upkeep, long Budget, ResourceNeedDraft[] Asks, string? NeedTitleContains, Stage Stage, int DaysAgo, (string Title, int InDays, bool Reached)[] Milestones);

    private static readonly Plan[] Plans =
    [
        new("shangma", "sanitation", GreenStationTitle,
            "把 3 栋旁破旧的老垃圾房改造成智慧绿色驿站：智能分类回收、积分兑换、便民服务，一站解决。",
            "上马社区 3 栋旁的垃圾房建成二十多年，墙皮脱落、污水外流，是居民反映最多的问题。社区联合专业公司和周边商户，把它改造成集智能回收、积分兑换和便民服务于一体的绿色驿站。居民投放可回收物获得积分，在驿站和爱心商户兑换日用品和服务。",
            "上马社区 3 栋旁", OperatingModel.DualWheel,
            "民生建设 + 商业运营双轮驱动：回收物变现和商户合作覆盖日常运营；积分兑换鼓励居民持续参与；社区每季度公开收支。",
            380_000,
            [
                new(null, ResourceKind.Funding, "驿站改造与设备购置资金", null, 200_000, true),
                new(null, ResourceKind.TechnicalService, "智能回收设备的安装调试与运维", 120, 36_000, true),
                new(null, ResourceKind.OrganisationalResource, "爱心商户加入积分兑换（商品或服务）", null, 20_000, true),
                new(null, ResourceKind.OrganisationalResource, "志愿者驿站值守 200 人次", null, 10_000, false),
            ],
            "垃圾房", Stage.InProgress, 120,
            [("方案设计与居民议事", -100, true), ("旧垃圾房拆除", -60, true), ("驿站建成开放", 30, false)]),
        new("yuantong", "children", NatureBaseTitle,
            "在社区 15 分钟步行圈内建一个自然研学基地，让孩子放学和周末有地方去、有人带。",
            "元通社区靠山临水，双职工家庭多，孩子放学后缺少去处。社区计划利用周边的山林和河道，建设一个 15 分钟步行可达的自然研学基地，由社会组织设计课程、志愿者带队，周末开展自然观察活动。",
            "元通社区河边步道旁", OperatingModel.PublicGood, "", 60_000,
            [
                new(null, ResourceKind.OrganisationalResource, "研学场地（每周末半天）", null, 12_000, true),
                new(null, ResourceKind.OrganisationalResource, "带队志愿者 20 人次", null, 4_000, true),
                new(null, ResourceKind.TechnicalService, "自然教育课程设计", 40, 8_000, true),
                new(null, ResourceKind.Funding, "基地标识与安全设施", null, 20_000, false),
            ],
            "放学后", Stage.Recruiting, 40,
            [("场地踏勘", 10, false), ("首期研学活动", 45, false)]),
        new("sample-qingsong", "repairs", "口袋公园微改造（示例）", "把闲置角落改成带座椅和绿植的口袋公园。", "演示用的示例项目。", "青松社区", OperatingModel.PublicGood, "", 80_000,
            [new(null, ResourceKind.Funding, "改造资金", null, 60_000, true), new(null, ResourceKind.OrganisationalResource, "绿植与座椅", null, 20_000, true)],
            "座椅", Stage.Completed, 200, [("施工完成", -30, true)]),
        new("sample-hehua", "elderly-care", "长者助餐点（示例）", "为独居老人提供午餐和送餐服务。", "演示用的示例项目。", "荷花社区", OperatingModel.DualWheel, "餐费收入加爱心商户补贴，维持长期运营。", 120_000,
            [new(null, ResourceKind.Funding, "厨房设备", null, 50_000, true), new(null, ResourceKind.OrganisationalResource, "送餐志愿者", null, 10_000, true)],
            null, Stage.Operating, 760, [("助餐点开业", -380, true)]),
        new("sample-taoyuan", "repairs", "楼道照明更新（示例）", "更换老旧楼道灯为感应灯。", "演示用的示例项目。", "桃源社区", OperatingModel.PublicGood, "", 30_000,
            [new(null, ResourceKind.TechnicalService, "电工安装", 60, 9_000, true)],
            "路灯", Stage.Recruiting, 20, []),
        new("sample-jinxiu", "culture-sports", "共享书屋（示例）", "在社区活动室开一间共享书屋。", "演示用的示例项目。", "锦绣社区", OperatingModel.PublicGood, "", 25_000,
            [new(null, ResourceKind.OrganisationalResource, "捐赠图书 2000 册", null, 20_000, true)],
            null, Stage.Recruiting, 15, []),
        new("sample-anju", "parking-traffic", "停车秩序改善（示例）", "重新施划车位，设置消防通道标识。", "演示用的示例项目。", "安居社区", OperatingModel.Commercial, "夜间错峰停车收费覆盖维护成本。", 90_000,
            [new(null, ResourceKind.Funding, "施划与标识", null, 40_000, true)],
            null, Stage.InProgress, 60, [("车位施划", 10, false)]),
        new("sample-xinghe", "repairs", "健身角翻新（示例）", "更换老化健身器材，铺设安全地垫。", "演示用的示例项目。", "星河社区", OperatingModel.PublicGood, "", 45_000,
            [new(null, ResourceKind.Funding, "器材更换", null, 45_000, true)],
            "漏水", Stage.Recruiting, 10, []),
        new("sample-lvyuan", "sanitation", "河道清洁行动（示例）", "组织志愿者定期清理河道垃圾。", "演示用的示例项目。", "绿苑社区", OperatingModel.PublicGood, "", 5_000,
            [new(null, ResourceKind.OrganisationalResource, "志愿者 50 人次", null, 5_000, true)],
            null, Stage.Draft, 3, []),
    ];

    public int Order => 50;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Project>().AnyAsync(cancellationToken))
        {
            return;
        }

        var categories = (await needs.CategoriesAsync(cancellationToken)).ToDictionary(c => c.Code);
        var admin = await users.FindByNameAsync("13900000000");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var plan in Plans)
        {
            var community = await communities.FindByCodeAsync(plan.Community, cancellationToken);
            if (community is null || admin is null)
            {
                continue;
            }

            var staff = plan.Community switch
            {
                "shangma" => await users.FindByNameAsync("13900000011"),
                "yuantong" => await users.FindByNameAsync("13900000012"),
                _ => null,
            } ?? admin;
            var created = now.AddDays(-plan.DaysAgo);
            var project = Project.Create(
                new ProjectDraft(community.Id, categories[plan.Category].Id, plan.Title, plan.Summary, plan.Description, plan.Address, null, null, plan.Model, plan.Upkeep, plan.Budget),
                plan.Asks, staff.Id, created);
            var linked = new List<Guid>();
            if (plan.NeedTitleContains is { } words)
            {
                foreach (var need in (await needs.ListLinkableAsync(community.Id, 50, cancellationToken)).Where(n => n.Title.Contains(words, StringComparison.Ordinal)))
                {
                    project.LinkNeed(need.Id, need.Title, staff.Id, created);
                    linked.Add(need.Id);
                }
            }

            db.Add(project);
            await PlayAsync(project, plan, linked, staff.Id, created, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task PlayAsync(Project project, Plan plan, List<Guid> linked, Guid staff, DateTime created, DateTime now, CancellationToken ct)
    {
        var reference = new ProjectRef(project.Id, project.Title);
        foreach (var (title, inDays, _) in plan.Milestones)
        {
            project.AddMilestone(title, DateOnly.FromDateTime(created.AddDays(plan.DaysAgo + inDays)));
        }

        if (plan.Stage == Stage.Draft)
        {
            return;
        }

        project.Publish(staff, created.AddDays(2));
        await needs.LinkAsync(linked, reference, staff, ct);
        if (plan.Stage == Stage.Recruiting)
        {
            return;
        }

        var started = created.AddDays(Math.Min(10, plan.DaysAgo / 3));
        project.Start(staff, started);
        foreach (var milestone in project.Milestones.ToList())
        {
            var planned = plan.Milestones.First(m => m.Title == milestone.Title);
            if (planned.Reached)
            {
                project.ReachMilestone(milestone.Id, milestone.PlannedOn, null, staff, milestone.PlannedOn.ToDateTime(TimeOnly.Parse("10:00", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
            }
        }

        if (plan.Title == GreenStationTitle)
        {
            db.Add(new ProjectUpdate(Guid.NewGuid(), project.Id, "旧垃圾房已拆除，驿站主体结构完成，智能回收设备正在安装调试。", staff, now.AddDays(-20)));
        }

        if (plan.Stage == Stage.InProgress)
        {
            return;
        }

        var whatWasDone = plan.Title.Contains("口袋公园", StringComparison.Ordinal)
            ? "闲置角落已改造成口袋公园，新增座椅 6 组、绿植 120 平方米，已向居民开放。"
            : "长者助餐点已开业，每天为 60 位老人提供午餐，行动不便的老人可预约送餐。";
        project.Complete(staff, whatWasDone, created.AddDays(plan.DaysAgo / 2));
        await needs.ResolveAsync(linked, reference, staff, whatWasDone, ct);
        if (plan.Stage == Stage.Operating)
        {
            project.StartOperating(staff, created.AddDays((plan.DaysAgo / 2) + 7));
        }
    }
}
