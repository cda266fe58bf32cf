using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs;

/// <summary>
/// A few dozen needs across the communities in every state, led by the 上马 garbage-room need that became the smart
/// green station. Dates are set relative to today so deadlines, overdue flags and rates look alive.
/// </summary>
internal sealed class NeedsDemoSeed(AppDbContext db, ICommunityDirectory communities, UserManager<AppUser> users, TimeProvider clock) : IDemoSeed
{
    public const string GarbageRoomTitle = "3 栋旁的老垃圾房破旧发臭，能不能改造？";

    private enum End { Submitted, Responded, InProgress, Resolved, Rated, Reopened, Rejected, Merged, Overdue }

    private static readonly (string Community, string Category, string Title, string Description, string Address, int DaysAgo, End End, string? Raiser)[] Needs =
    [
        ("shangma", "sanitation", GarbageRoomTitle, "小区 3 栋旁的垃圾房建了二十多年，墙皮脱落、污水外流，夏天气味很大，老人孩子路过都捂鼻子。希望社区想办法改造。", "上马社区 3 栋旁垃圾房", 160, End.InProgress, "13900000101"),
        ("shangma", "sanitation", "垃圾分类桶不够用，周末经常满溢", "周末垃圾多，分类桶很快就满了，希望增加清运次数。", "上马社区 5 栋门口", 40, End.Rated, "13900000101"),
        ("shangma", "parking-traffic", "晚上停车难，消防通道被占", "晚上车辆乱停，消防通道经常被堵。", "上马社区北门", 20, End.Responded, null),
        ("shangma", "repairs", "2 单元楼道灯坏了一个月", "楼道灯不亮，老人晚上上下楼很危险。", "上马社区 2 单元", 30, End.Rated, "13900000101"),
        ("shangma", "elderly-care", "希望开设老年助餐点", "不少独居老人做饭不方便，希望社区附近有助餐点。", "上马社区", 12, End.Submitted, null),
        ("shangma", "safety", "电动车在楼道充电，有火灾隐患", "有住户把电动车推进楼道充电，很危险。", "上马社区 7 栋", 3, End.Overdue, "13900000101"),
        ("shangma", "sanitation", "垃圾房太臭了", "同 3 栋垃圾房的问题。", "上马社区 3 栋", 150, End.Merged, null),
        ("shangma", "culture-sports", "广场舞音响太吵", "晚上九点以后还在放音乐。", "上马社区中心广场", 25, End.Reopened, "13900000101"),
        ("yuantong", "children", "孩子放学后没有地方去", "双职工家庭的孩子放学后没人照看，希望有个学习和活动的地方。", "元通社区", 90, End.InProgress, "13900000102"),
        ("yuantong", "children", "希望周末有自然观察活动", "附近有山有水，希望组织孩子们认识植物和昆虫。", "元通社区", 60, End.Resolved, "13900000102"),
        ("yuantong", "repairs", "小区健身器材生锈松动", "健身器材螺丝松了，存在安全隐患。", "元通社区健身角", 35, End.Rated, "13900000102"),
        ("yuantong", "parking-traffic", "学校门口接送时段拥堵", "上下学时段车辆拥堵，希望有志愿者疏导。", "元通小学门口", 15, End.Responded, null),
        ("yuantong", "other", "希望能在小区里开个菜市场", "买菜要走很远。", "元通社区", 45, End.Rejected, "13900000102"),
        ("yuantong", "sanitation", "河边垃圾没人清理", "河边步道有很多垃圾。", "元通社区河边步道", 2, End.Submitted, "13900000102"),
    ];

    private static readonly string[] SampleTitles = ["路灯不亮", "下水道堵塞", "希望增设休息座椅", "楼顶漏水"];

    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Need>().AnyAsync(cancellationToken))
        {
            return;
        }

        var categories = await db.Set<NeedCategory>().ToDictionaryAsync(c => c.Code, cancellationToken);
        var admin = await users.FindByNameAsync("13900000000");
        var now = clock.GetUtcNow().UtcDateTime;
        Need? garbageRoom = null;
        foreach (var n in Needs)
        {
            var community = await communities.FindByCodeAsync(n.Community, cancellationToken);
            if (community is null)
            {
                continue;
            }

            var staff = await users.FindByNameAsync(n.Community == "shangma" ? "13900000011" : "13900000012") ?? admin;
            var raiser = n.Raiser is null ? null : await users.FindByNameAsync(n.Raiser);
            var need = await AddAsync(community.Id, categories[n.Category], n.Title, n.Description, n.Address, raiser?.Id, staff?.Id, now.AddDays(-n.DaysAgo), cancellationToken);
            Play(need, n.End, staff!.Id, now, garbageRoom);
            garbageRoom ??= need;
        }

        // The seven sample communities: a handful each, in a mix of states, recorded from the hotline.
        var all = await communities.ListAsync(cancellationToken);
        var ends = Enum.GetValues<End>().Where(e => e is not (End.Merged or End.Reopened or End.Resolved or End.Rated)).ToArray();
        var i = 0;
        foreach (var community in all.Where(c => c.IsSample))
        {
            foreach (var title in SampleTitles)
            {
                var need = await AddAsync(community.Id, categories["repairs"], $"{title}（示例）", "演示用的示例诉求。", community.Name, null, admin?.Id, now.AddDays(-(5 + (i * 7 % 60))), cancellationToken);
                Play(need, ends[i % ends.Length], admin!.Id, now, null);
                i++;
            }
        }

        // A year of history in the sample communities for the dashboard's rates, ranking and trends: a few needs a
        // month each, raised by 黄奶奶 (a demo resident who gets around), most answered in time and rated; communities
        // differ in how many needs and ratings they have, so some are ranked and some are not.
        var historian = await users.FindByNameAsync("13900000103");
        var k = 0;
        foreach (var community in all.Where(c => c.IsSample).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            for (var month = 1; month <= 12; month++)
            {
                var count = 1 + (k % 4) + (month % 2);
                for (var j = 0; j < count && historian is not null; j++)
                {
                    var title = SampleTitles[(month + j + k) % SampleTitles.Length];
                    var at = now.AddDays(-(30 * month) + (j * 5) + k);
                    var need = await AddAsync(community.Id, categories["repairs"], $"{title}（历史示例）", "演示用的历史示例诉求。", community.Name, historian.Id, admin?.Id, at, cancellationToken);
                    Play(need, HistoryEnd(k, month, j), admin!.Id, now, null);
                }
            }

            k++;
        }

        // Supporters for the garbage-room need: the other demo residents and partner members live nearby.
        foreach (var phone in new[] { "13900000102", "13900000201", "13900000202", "13900000301" })
        {
            if (garbageRoom is not null && await users.FindByNameAsync(phone) is { } supporter)
            {
                db.Add(new NeedSupport(garbageRoom.Id, supporter.Id, garbageRoom.SubmittedAt.AddDays(1)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (garbageRoom is not null)
        {
            var count = await db.Set<NeedSupport>().CountAsync(s => s.NeedId == garbageRoom.Id, cancellationToken);
            await db.Set<Need>().Where(n => n.Id == garbageRoom.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.SupportCount, count), cancellationToken);
        }
    }

    private Task<Need> AddAsync(Guid communityId, NeedCategory category, string title, string description, string address, Guid? raiser, Guid? staff, DateTime at, CancellationToken ct)
    {
        var channel = raiser is null ? NeedChannel.Hotline : NeedChannel.Web;
        var need = Need.Raise(new NeedDraft(communityId, title, description, address, null, null, channel, raiser, raiser is null ? staff : null, raiser is not null), category, at);
        db.Add(need);
        return Task.FromResult(need);
    }

    /// <summary>How a history need ended: mostly rated (some only basically, now and then not satisfied), a few declined or still open.</summary>
    private static End HistoryEnd(int community, int month, int index) => (((community * 7) + (month * 3) + index) % 10) switch
    {
        0 => End.Rejected,
        1 => End.Reopened,
        2 when month <= 1 => End.InProgress,
        3 => End.Resolved,
        _ => End.Rated,
    };

    private static void Play(Need need, End end, Guid staff, DateTime now, Need? garbageRoom)
    {
        var t = need.SubmittedAt;
        DateTime Step(double hours) => t = t.AddHours(hours) < now ? t.AddHours(hours) : now;
        switch (end)
        {
            case End.Submitted or End.Overdue:
                return;
            case End.Rejected:
                need.Reject(staff, "菜市场选址需经规划审批，社区无权决定；已将意见转交街道。", Step(10));
                return;
            case End.Merged when garbageRoom is not null:
                need.MergeInto(garbageRoom, staff, Step(6));
                return;
        }

        need.Respond(staff, "已收到，社区工作人员会尽快到现场查看。", Step(5));
        if (end == End.Responded)
        {
            return;
        }

        need.Start(staff, "已到现场查看，正在协调处理。", Step(30));
        if (end == End.InProgress)
        {
            return;
        }

        need.Resolve(staff, "已处理完毕，请居民查看效果。", Step(24 * 5));
        if (need.RaiserId is not { } raiser || end == End.Resolved)
        {
            return;
        }

        if (end == End.Reopened)
        {
            need.Rate(raiser, Satisfaction.Dissatisfied, "问题没有解决，晚上还是很吵。", Step(24));
            return;
        }

        need.Rate(raiser, need.Title.Contains('灯', StringComparison.Ordinal) ? Satisfaction.BasicallySatisfied : Satisfaction.Satisfied, null, Step(24));
    }
}
