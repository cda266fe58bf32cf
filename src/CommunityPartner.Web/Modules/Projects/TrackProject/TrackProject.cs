using System.Security.Claims;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects.TrackProject;

public sealed record MilestoneInput(string? Title, DateOnly? PlannedOn);

public sealed record ReachMilestoneInput(DateOnly? ReachedOn, string? Note);

/// <summary>
/// Staff keep a project's progress: planned milestones, the day each is reached, and updates with photos. Residents
/// who raised or supported its needs are told of each update.
/// </summary>
public sealed class TrackProjectHandler(AppDbContext db, INeedLinks needs, INotifier notifier, FileStore files, AuditLog audit, TimeProvider clock)
{
    /// <summary>Milestones further out than this are a typing error, not a plan.</summary>
    public const int MaxYearsAhead = 10;

    public async Task<Result<ProjectMilestone>> AddMilestoneAsync(Guid projectId, MilestoneInput input, ClaimsPrincipal actor, CancellationToken ct)
    {
        var (project, refusal) = await LoadAsync<ProjectMilestone>(projectId, actor, ct);
        if (project is null)
        {
            return refusal!;
        }

        var title = input.Title?.Trim() ?? "";
        var errors = new ValidationErrors();
        if (title.Length == 0)
        {
            errors.Add("title", "请填写节点名称");
        }
        else if (title.Length > ProjectMilestone.TitleMax)
        {
            errors.Add("title", "节点名称不能超过 {0} 个字", ProjectMilestone.TitleMax);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var earliest = DateOnly.FromDateTime(project.CreatedAt).AddYears(-1);
        if (input.PlannedOn is not { } planned)
        {
            errors.Add("plannedOn", "请填写计划日期");
        }
        else if (planned < earliest || planned > today.AddYears(MaxYearsAhead))
        {
            errors.Add("plannedOn", "计划日期须在 {0} 到 {1} 之间", earliest.ToString("yyyy-MM-dd"), today.AddYears(MaxYearsAhead).ToString("yyyy-MM-dd"));
        }
        else if (project.Milestones.Count > 0 && planned < project.Milestones.Max(m => m.PlannedOn))
        {
            errors.Add("plannedOn", "节点请按时间顺序添加：计划日期不能早于上一个节点（{0}）", project.Milestones.Max(m => m.PlannedOn).ToString("yyyy-MM-dd"));
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        try
        {
            var milestone = project.AddMilestone(title, input.PlannedOn!.Value);
            db.Add(milestone);
            audit.Record("projects.milestone-add", nameof(Project), project.Id, null, new { milestone.Id, milestone.Title, milestone.PlannedOn }, project.CommunityId, actor.UserId());
            return await SaveAsync(milestone, ct);
        }
        catch (DomainException e)
        {
            return Result<ProjectMilestone>.Conflict(e.MessageKey, [.. e.Args]);
        }
    }

    public async Task<Result<ProjectMilestone>> ReachMilestoneAsync(Guid projectId, Guid milestoneId, ReachMilestoneInput input, ClaimsPrincipal actor, CancellationToken ct)
    {
        var (project, refusal) = await LoadAsync<ProjectMilestone>(projectId, actor, ct);
        if (project is null)
        {
            return refusal!;
        }

        var note = input.Note?.Trim();
        var errors = new ValidationErrors();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.ReachedOn is not { } reached)
        {
            errors.Add("reachedOn", "请填写完成日期");
        }
        else if (reached > today)
        {
            errors.Add("reachedOn", "完成日期不能晚于今天");
        }
        else if (project.StartedAt is { } started && reached < DateOnly.FromDateTime(started))
        {
            errors.Add("reachedOn", "完成日期不能早于项目开始实施的日期（{0}）", DateOnly.FromDateTime(started).ToString("yyyy-MM-dd"));
        }

        if (note?.Length > ProjectMilestone.NoteMax)
        {
            errors.Add("note", "说明不能超过 {0} 个字", ProjectMilestone.NoteMax);
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        try
        {
            project.ReachMilestone(milestoneId, input.ReachedOn!.Value, string.IsNullOrEmpty(note) ? null : note, actor.UserId()!.Value, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return e.MessageKey == "未找到这个节点" ? Result<ProjectMilestone>.NotFound(e.MessageKey) : Result<ProjectMilestone>.Conflict(e.MessageKey, [.. e.Args]);
        }

        var milestone = project.Milestones.First(m => m.Id == milestoneId);
        audit.Record("projects.milestone-reach", nameof(Project), project.Id, null, new { milestone.Id, milestone.ReachedOn }, project.CommunityId, actor.UserId());
        return await SaveAsync(milestone, ct);
    }

    public async Task<Result<ProjectUpdate>> PostUpdateAsync(Guid projectId, string? text, IReadOnlyList<PhotoUpload> photos, ClaimsPrincipal actor, CancellationToken ct)
    {
        var (project, refusal) = await LoadAsync<ProjectUpdate>(projectId, actor, ct);
        if (project is null)
        {
            return refusal!;
        }

        var body = text?.Trim() ?? "";
        var errors = new ValidationErrors();
        if (body.Length == 0)
        {
            errors.Add("text", "请写下项目的最新进展");
        }
        else if (body.Length > ProjectUpdate.TextMax)
        {
            errors.Add("text", "进展不能超过 {0} 个字", ProjectUpdate.TextMax);
        }

        var images = PhotoUploads.Read(photos, ProjectUpdate.MaxPhotos, errors);
        if (!errors.IsValid)
        {
            return errors;
        }

        if (!project.IsPublic || project.Status == ProjectStatus.Cancelled)
        {
            return Result<ProjectUpdate>.Conflict("项目发布后、取消前才能发布进展");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var staffId = actor.UserId()!.Value;
        var update = new ProjectUpdate(Guid.NewGuid(), project.Id, body, staffId, now);
        db.Add(update);
        var written = new List<string>();
        try
        {
            foreach (var image in images)
            {
                var photo = new ProjectPhoto(Guid.NewGuid(), project.Id, update.Id, ProjectPhotoKind.Update, image.ContentType, image.Content.Length, image.Width, image.Height, now);
                await files.WriteAsync(photo.StoragePath, image.Content, ct);
                written.Add(photo.StoragePath);
                db.Add(photo);
            }

            var followers = await needs.FollowersAsync([.. project.LinkedNeedIds], ct);
            notifier.Notify(followers, "社区项目“{0}”有新进展", $"/projects/{project.Id}", [project.Title], except: staffId);
            audit.Record("projects.update", nameof(Project), project.Id, null, new { update.Id, Photos = images.Count }, project.CommunityId, staffId);
            await db.SaveChangesAsync(ct);
            return update;
        }
        catch
        {
            written.ForEach(files.Delete);
            throw;
        }
    }

    private async Task<(Project? Project, Result<T>? Refusal)> LoadAsync<T>(Guid projectId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var project = await db.Set<Project>().Include(p => p.Milestones).Include(p => p.Needs).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return (null, Result<T>.NotFound("未找到这个项目"));
        }

        if (!ProjectPeople.CanManage(actor, project.CommunityId) || actor.UserId() is null)
        {
            return (null, Result<T>.Forbidden("只有本社区的社区工作者可以办理这个项目"));
        }

        return (project, null);
    }

    private async Task<Result<T>> SaveAsync<T>(T value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<T>.Conflict("这个项目刚被其他人更新，请刷新后再试");
        }
    }
}
