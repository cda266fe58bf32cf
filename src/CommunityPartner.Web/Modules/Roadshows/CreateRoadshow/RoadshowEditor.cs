using System.Security.Claims;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows.CreateRoadshow;

/// <summary>
/// What an organiser fills in. Scoring times default to the start and three hours later; the line-up is the projects'
/// ids in pitching order.
/// </summary>
public sealed record RoadshowCommand(
    string? Title, string? Description, string? Venue, DateTime? StartsAt, int? Capacity,
    DateTime? ScoringOpensAt, DateTime? ScoringClosesAt, IReadOnlyList<Guid>? ProjectIds);

/// <summary>
/// Creates and edits roadshows. Community staff organise roadshows of their own community with its projects only; the
/// district admin organises district roadshows with any community's projects and manages every roadshow. Everything is
/// checked before anything is stored.
/// </summary>
public sealed class RoadshowEditor(AppDbContext db, IProjectCatalog projects, AuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan DefaultScoringLength = TimeSpan.FromHours(3);
    private static readonly string[] PitchableStatuses = ["recruiting", "matched", "in_progress"];

    public async Task<Result<Roadshow>> CreateAsync(RoadshowCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (!RoadshowPeople.IsOrganiser(actor) || actor.UserId() is not { } staffId)
        {
            return Result<Roadshow>.Forbidden("只有社区工作者和新区管理员可以组织路演");
        }

        var organiser = RoadshowPeople.OrganiserCommunityOf(actor);
        if (organiser is null && !actor.IsInRole(Roles.DistrictAdmin))
        {
            return Result<Roadshow>.Forbidden("你的账户没有绑定社区，不能组织路演");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (draft, lineup, errors) = await ValidateAsync(command, organiser, null, now, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        var roadshow = Roadshow.Create(draft!, organiser, staffId, now);
        try
        {
            roadshow.SetLineup(lineup, now);
        }
        catch (DomainException e)
        {
            return Result<Roadshow>.Conflict(e.MessageKey, [.. e.Args]);
        }

        db.Add(roadshow);
        audit.Record("roadshows.create", nameof(Roadshow), roadshow.Id, null, roadshow.Snapshot(), organiser, staffId);
        await db.SaveChangesAsync(ct);
        return roadshow;
    }

    public async Task<Result<Roadshow>> EditAsync(Guid id, RoadshowCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        var roadshow = await db.Set<Roadshow>().Include(r => r.Lineup).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (roadshow is null)
        {
            return Result<Roadshow>.NotFound("未找到这场路演");
        }

        if (!RoadshowPeople.CanManage(actor, roadshow.OrganiserCommunityId))
        {
            return Result<Roadshow>.Forbidden("只有组织这场路演的社区工作者或新区管理员可以管理它");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (roadshow.PhaseAt(now) != RoadshowPhase.Upcoming)
        {
            return Result<Roadshow>.Conflict("评分开始后不能再修改路演");
        }

        var (draft, lineup, errors) = await ValidateAsync(command, roadshow.OrganiserCommunityId, roadshow, now, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        var before = roadshow.Snapshot();
        try
        {
            roadshow.Edit(draft!, now);
            roadshow.SetLineup(lineup, now);
        }
        catch (DomainException e)
        {
            return Result<Roadshow>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record("roadshows.edit", nameof(Roadshow), roadshow.Id, before, roadshow.Snapshot(), roadshow.OrganiserCommunityId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Roadshow>.Conflict("这场路演刚被其他人更新，请刷新后再试");
        }
        catch (DbUpdateException)
        {
            // The capacity check constraint: seats were taken meanwhile, beyond the new capacity.
            return Result<Roadshow>.Conflict("容量不能少于已报名的人数，请刷新后再试");
        }

        return roadshow;
    }

    private async Task<(RoadshowDraft? Draft, List<(Guid, Guid)> Lineup, ValidationErrors Errors)> ValidateAsync(
        RoadshowCommand command, Guid? organiser, Roadshow? existing, DateTime now, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var title = command.Title?.Trim() ?? "";
        var description = command.Description?.Trim() ?? "";
        var venue = command.Venue?.Trim() ?? "";
        errors.Text("title", title, Roadshow.TitleMax, "请填写路演名称", "路演名称不能超过 {0} 个字");
        errors.Text("venue", venue, Roadshow.VenueMax, "请填写地点", "地点不能超过 {0} 个字");
        if (description.Length > Roadshow.DescriptionMax)
        {
            errors.Add("description", "介绍不能超过 {0} 个字", Roadshow.DescriptionMax);
        }

        if (command.Capacity is not { } capacity)
        {
            errors.Add("capacity", "请填写可容纳人数");
        }
        else if (capacity is < 1 or > Roadshow.MaxCapacity)
        {
            errors.Add("capacity", "可容纳人数须在 1 到 {0} 之间", Roadshow.MaxCapacity);
        }
        else if (existing is not null && capacity < existing.RsvpCount)
        {
            errors.Add("capacity", "容量不能少于已报名的 {0} 人", existing.RsvpCount);
        }

        var starts = command.StartsAt is { } s ? Utc(s) : (DateTime?)null;
        var opens = command.ScoringOpensAt is { } o ? Utc(o) : starts;
        var closes = command.ScoringClosesAt is { } c ? Utc(c) : opens + DefaultScoringLength;
        if (starts is null)
        {
            errors.Add("startsAt", "请填写路演时间");
        }
        else if (opens is { } open && closes is { } close)
        {
            // Opening "now" is a separate move (open-scoring): the line-up is fixed once scoring has opened.
            if (open <= now && open != existing?.ScoringOpensAt)
            {
                errors.Add("scoringOpensAt", "评分开始时间不能早于现在");
            }

            if (close <= open)
            {
                errors.Add("scoringClosesAt", "评分结束时间必须晚于开始时间");
            }
        }

        var lineup = await LineupAsync(command.ProjectIds ?? [], organiser, errors, ct);
        var draft = errors.IsValid ? new RoadshowDraft(title, description, venue, starts!.Value, command.Capacity!.Value, opens!.Value, closes!.Value) : null;
        return (draft, lineup, errors);
    }

    private async Task<List<(Guid, Guid)>> LineupAsync(IReadOnlyList<Guid> ids, Guid? organiser, ValidationErrors errors, CancellationToken ct)
    {
        if (ids.Count > Roadshow.MaxLineup)
        {
            errors.Add("projectIds", "一场路演最多 {0} 个项目", Roadshow.MaxLineup);
            return [];
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add("projectIds", "同一个项目不能重复列入");
            return [];
        }

        var found = (await projects.FindAsync(ids, ct)).ToDictionary(p => p.Id);
        var lineup = new List<(Guid, Guid)>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var project) || !PitchableStatuses.Contains(project.StatusCode))
            {
                errors.Add("projectIds", "只能列入已发布、仍在推进的项目");
                return [];
            }

            if (organiser is not null && project.CommunityId != organiser)
            {
                errors.Add("projectIds", "社区组织的路演只能列入本社区的项目");
                return [];
            }

            lineup.Add((project.Id, project.CommunityId));
        }

        return lineup;
    }

    private static DateTime Utc(DateTime value) => DistrictTime.ToUtc(value);
}
