using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows;

/// <summary>
/// The district's 6 June 2025 roadshow of the nine communities (closed, with scores and comments), and an upcoming one
/// of the 上马 and 元通 projects in two weeks so the demo shows RSVP. Skips until the projects seed has published projects.
/// </summary>
internal sealed class RoadshowsDemoSeed(
    AppDbContext db, IProjectCatalog projects, ICommunityDirectory communities, UserManager<AppUser> users, TimeProvider clock) : IDemoSeed
{
    public const string PastTitle = "新区社区合伙人项目路演";

    private static readonly string[] Attendees = ["13900000401", "13900000101", "13900000102", "13900000201", "13900000202", "13900000203"];

    private static readonly string[] Comments = ["贴近居民需要，希望尽快落地", "运营方案还可以再细一些", "建议多听听老人和孩子的意见", "", "", "期待项目带动更多商户参与"];

    public int Order => 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var pitchable = await projects.ListPitchableAsync(null, cancellationToken);
        if (pitchable.Count == 0 || await db.Set<Roadshow>().AnyAsync(cancellationToken))
        {
            return;
        }

        var admin = await users.FindByNameAsync("13900000000");
        if (admin is null)
        {
            return;
        }

        var people = new List<AppUser>();
        foreach (var phone in Attendees)
        {
            if (await users.FindByNameAsync(phone) is { } user)
            {
                people.Add(user);
            }
        }

        var order = (await communities.ListAsync(cancellationToken)).OrderBy(c => c.IsSample).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var lineup = order.Select(c => pitchable.Where(p => p.CommunityId == c.Id).OrderBy(p => p.Title, StringComparer.Ordinal).FirstOrDefault())
            .OfType<ProjectBrief>().Select(p => (p.Id, p.CommunityId)).ToList();
        await PastAsync(admin, people, lineup, cancellationToken);
        await UpcomingAsync(admin, people, lineup.Take(2).ToList(), cancellationToken);
    }

    private async Task PastAsync(AppUser admin, List<AppUser> people, List<(Guid, Guid)> lineup, CancellationToken ct)
    {
        // 6 June 2025, 14:00–17:00 in Beijing (UTC+8); organised in May.
        var opens = new DateTime(2025, 6, 6, 6, 0, 0, DateTimeKind.Utc);
        var planned = new DateTime(2025, 5, 20, 2, 0, 0, DateTimeKind.Utc);
        var roadshow = Roadshow.Create(
            new RoadshowDraft(PastTitle, "九个社区的合伙人项目同台路演，居民、合伙人和两代表一委员现场为每个项目打分。", "新区党群服务中心多功能厅",
                opens, 200, opens, opens.AddHours(3)), null, admin.Id, planned);
        roadshow.SetLineup(lineup, planned);
        db.Add(roadshow);
        var p = 0;
        foreach (var person in people)
        {
            var isRepresentative = person.UserName == "13900000401";
            var kind = isRepresentative ? AttendeeKind.Representative : person.UserName!.StartsWith("139000002", StringComparison.Ordinal) ? AttendeeKind.Partner : AttendeeKind.Resident;
            db.Add(new RoadshowRsvp(roadshow.Id, person.Id, kind, planned.AddDays(p + 1)));
            var s = 0;
            foreach (var (projectId, _) in lineup)
            {
                int Score(int salt) => 3 + ((p + s + salt) % 3);
                var comment = Comments[(p + s) % Comments.Length];
                db.Add(new RoadshowScore(roadshow.Id, projectId, person.Id, isRepresentative, Score(0), Score(1), Score(2),
                    comment.Length == 0 ? null : comment, opens.AddMinutes(20 + (10 * s) + p)));
                s++;
            }

            p++;
        }

        await db.SaveChangesAsync(ct);
        await db.Set<Roadshow>().Where(r => r.Id == roadshow.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.RsvpCount, people.Count), ct);
    }

    private async Task UpcomingAsync(AppUser admin, List<AppUser> people, List<(Guid, Guid)> lineup, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var starts = now.Date.AddDays(14).AddHours(6);
        var roadshow = Roadshow.Create(
            new RoadshowDraft("上马·元通社区项目路演", "微更新·智慧绿色驿站和自然童行研学基地向居民和合伙人路演，欢迎报名到场打分。", "上马社区党群服务中心",
                starts, 60, starts, starts.AddHours(2)), null, admin.Id, now);
        roadshow.SetLineup(lineup, now);
        db.Add(roadshow);
        var early = people.Where(u => u.UserName is "13900000102" or "13900000203").ToList();
        foreach (var person in early)
        {
            db.Add(new RoadshowRsvp(roadshow.Id, person.Id, person.UserName == "13900000203" ? AttendeeKind.Partner : AttendeeKind.Resident, now));
        }

        await db.SaveChangesAsync(ct);
        await db.Set<Roadshow>().Where(r => r.Id == roadshow.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.RsvpCount, early.Count), ct);
    }
}
