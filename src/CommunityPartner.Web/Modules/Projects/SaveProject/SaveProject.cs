using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects.SaveProject;

/// <summary>One line of what the project asks for, as typed. <c>Kind</c>: funding, service or resource.</summary>
public sealed record AskInput(Guid? Id, string? Kind, string? Title, int? Hours, long? Yuan, bool IsKey = true);

/// <summary>
/// A project as staff fill it in. <c>Model</c>: public_good, commercial or dual_wheel. <c>NeedIds</c>: the needs it
/// answers, all open needs of the same community. A district admin names the community; staff create in their own.
/// </summary>
public sealed record ProjectInput(
    string? CommunityCode, string? CategoryCode, string? Title, string? Summary, string? Description, string? Address,
    double? Latitude, double? Longitude, string? Model, string? UpkeepPlan, long? BudgetYuan,
    IReadOnlyList<AskInput>? Asks, IReadOnlyList<Guid>? NeedIds);

/// <summary>
/// Staff create a project or change it. Everything is checked before anything is stored. Needs linked to a draft
/// wait; once the project is public, a newly linked need moves to in progress and an unlinked one returns to the
/// queue — in the same transaction as the project.
/// </summary>
public sealed class SaveProjectHandler(
    AppDbContext db, ICommunityDirectory communities, INeedLinks needs, FileStore files, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Project>> CreateAsync(ProjectInput input, PhotoUpload? cover, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } staffId || !(actor.IsInRole(Roles.DistrictAdmin) || actor.IsInRole(Roles.CommunityStaff)))
        {
            return Result<Project>.Forbidden("只有社区工作者可以创建项目");
        }

        var errors = new ValidationErrors();
        var community = await ResolveCommunityAsync(input.CommunityCode, actor, errors, ct);
        if (community is not null && !ProjectPeople.CanManage(actor, community.Id))
        {
            return Result<Project>.Forbidden("只能为本社区创建项目");
        }

        var checkedInput = await CheckAsync(input, community?.Id, null, errors, ct);
        var photo = ReadCover(cover, errors);
        if (!errors.IsValid)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var project = Project.Create(checkedInput!.Draft, checkedInput.Asks, staffId, now);
        foreach (var need in checkedInput.Needs)
        {
            project.LinkNeed(need.Id, need.Title, staffId, now);
        }

        db.Add(project);
        return await SaveAsync(project, photo, null, "projects.create", staffId, ct);
    }

    public async Task<Result<Project>> EditAsync(Guid projectId, ProjectInput input, PhotoUpload? cover, ClaimsPrincipal actor, CancellationToken ct)
    {
        var project = await db.Set<Project>().Include(p => p.Asks).Include(p => p.Needs)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return Result<Project>.NotFound("未找到这个项目");
        }

        if (!ProjectPeople.CanManage(actor, project.CommunityId) || actor.UserId() is not { } staffId)
        {
            return Result<Project>.Forbidden("只有本社区的社区工作者可以修改这个项目");
        }

        var errors = new ValidationErrors();
        var checkedInput = await CheckAsync(input, project.CommunityId, project, errors, ct);
        var photo = ReadCover(cover, errors);
        if (!errors.IsValid)
        {
            return errors;
        }

        var before = project.Snapshot();
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = checkedInput!.Needs.Select(n => n.Id).ToHashSet();
        var current = project.LinkedNeedIds.ToList();
        var added = checkedInput.Needs.Where(n => !current.Contains(n.Id)).ToList();
        var removed = current.Where(id => !wanted.Contains(id)).ToList();
        try
        {
            project.Edit(checkedInput.Draft, checkedInput.Asks);
            var titles = (await needs.FindAsync(removed, ct)).ToDictionary(n => n.Id, n => n.Title);
            foreach (var id in removed)
            {
                project.UnlinkNeed(id, titles.GetValueOrDefault(id, ""), staffId, now);
            }

            foreach (var need in added)
            {
                project.LinkNeed(need.Id, need.Title, staffId, now);
            }

            if (project.IsPublic)
            {
                var reference = new ProjectRef(project.Id, project.Title);
                await needs.UnlinkAsync(removed, reference, staffId, ct);
                await needs.LinkAsync([.. added.Select(n => n.Id)], reference, staffId, ct);
            }
        }
        catch (DomainException e)
        {
            return Result<Project>.Conflict(e.MessageKey, [.. e.Args]);
        }

        return await SaveAsync(project, photo, before, "projects.edit", staffId, ct);
    }

    /// <summary>Replaces the cover photo; the old file stays until the project is removed, so an open page never breaks.</summary>
    public async Task<Result<Project>> SetCoverAsync(Guid projectId, PhotoUpload? cover, ClaimsPrincipal actor, CancellationToken ct)
    {
        var project = await db.Set<Project>().Include(p => p.Asks).Include(p => p.Needs).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return Result<Project>.NotFound("未找到这个项目");
        }

        if (!ProjectPeople.CanManage(actor, project.CommunityId) || actor.UserId() is not { } staffId)
        {
            return Result<Project>.Forbidden("只有本社区的社区工作者可以修改这个项目");
        }

        var errors = new ValidationErrors();
        var photo = cover is null ? null : ReadCover(cover, errors);
        if (cover is null)
        {
            errors.Add("cover", "请选择一张封面照片");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        return await SaveAsync(project, photo, null, "projects.cover", staffId, ct);
    }

    private async Task<Result<Project>> SaveAsync(Project project, SanitizedImage? photo, object? before, string action, Guid staffId, CancellationToken ct)
    {
        string? written = null;
        try
        {
            if (photo is not null)
            {
                var record = new ProjectPhoto(Guid.NewGuid(), project.Id, null, ProjectPhotoKind.Cover, photo.ContentType, photo.Content.Length, photo.Width, photo.Height, clock.GetUtcNow().UtcDateTime);
                await files.WriteAsync(record.StoragePath, photo.Content, ct);
                written = record.StoragePath;
                db.Add(record);
                project.SetCover(record.Id);
            }

            audit.Record(action, nameof(Project), project.Id, before, project.Snapshot(), project.CommunityId, staffId);
            await db.SaveChangesAsync(ct);
            return project;
        }
        catch (DbUpdateConcurrencyException)
        {
            DeleteWritten(written);
            return Result<Project>.Conflict("这个项目刚被其他人更新，请刷新后再试");
        }
        catch
        {
            DeleteWritten(written);
            throw;
        }
    }

    private void DeleteWritten(string? path)
    {
        if (path is not null)
        {
            files.Delete(path);
        }
    }

    private static SanitizedImage? ReadCover(PhotoUpload? cover, ValidationErrors errors) =>
        cover is null ? null : PhotoUploads.Read([cover], 1, errors, "cover").FirstOrDefault();

    private async Task<CommunityInfo?> ResolveCommunityAsync(string? code, ClaimsPrincipal actor, ValidationErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (actor.CommunityId() is { } own && !actor.IsInRole(Roles.DistrictAdmin))
            {
                return await communities.FindByIdAsync(own, ct);
            }

            errors.Add("communityCode", "请选择社区");
            return null;
        }

        var community = await communities.FindByCodeAsync(code.Trim(), ct);
        if (community is null)
        {
            errors.Add("communityCode", "没有这个社区，请从列表中选择");
        }

        return community;
    }

    private sealed record CheckedInput(ProjectDraft Draft, IReadOnlyList<ResourceNeedDraft> Asks, IReadOnlyList<NeedBrief> Needs);

    private async Task<CheckedInput?> CheckAsync(ProjectInput input, Guid? communityId, Project? existing, ValidationErrors errors, CancellationToken ct)
    {
        var title = input.Title?.Trim() ?? "";
        var summary = input.Summary?.Trim() ?? "";
        var description = input.Description?.Trim() ?? "";
        var address = input.Address?.Trim() ?? "";
        var upkeep = input.UpkeepPlan?.Trim() ?? "";
        errors.Text("title", title, Project.TitleMax, "请填写项目名称", "项目名称不能超过 {0} 个字");
        errors.Text("summary", summary, Project.SummaryMax, "请用一两句话介绍项目", "项目简介不能超过 {0} 个字");
        errors.Text("description", description, Project.DescriptionMax, null, "项目说明不能超过 {0} 个字");
        errors.Text("address", address, Project.AddressMax, null, "地点不能超过 {0} 个字");
        errors.Text("upkeepPlan", upkeep, Project.UpkeepPlanMax, null, "长效运营计划不能超过 {0} 个字");
        PhotoUploads.CheckPoint(errors, input.Latitude, input.Longitude);

        var model = ProjectText.ParseModel(input.Model);
        if (model is null)
        {
            errors.Add("model", "请选择运营模式：公益建设、商业运营或双轮驱动");
        }

        if (input.BudgetYuan is not { } budget || budget < 0 || budget > Project.MaxYuan)
        {
            errors.Add("budgetYuan", input.BudgetYuan is null ? "请填写项目预算（元）" : "预算须在 0 到 {0} 元之间", Project.MaxYuan);
        }

        var categories = await needs.CategoriesAsync(ct);
        var category = categories.FirstOrDefault(c => c.Code == input.CategoryCode?.Trim() && (c.IsActive || c.Id == existing?.CategoryId));
        if (category is null)
        {
            errors.Add("categoryCode", string.IsNullOrWhiteSpace(input.CategoryCode) ? "请选择类别" : "没有这个类别，请从列表中选择");
        }

        var asks = CheckAsks(input.Asks ?? [], existing, errors);
        var linked = await CheckNeedsAsync(input.NeedIds ?? [], communityId, existing, errors, ct);
        if (!errors.IsValid || communityId is null)
        {
            return null;
        }

        return new CheckedInput(
            new ProjectDraft(communityId.Value, category!.Id, title, summary, description, address, input.Latitude, input.Longitude, model!.Value, upkeep, input.BudgetYuan!.Value),
            asks, linked);
    }

    private static List<ResourceNeedDraft> CheckAsks(IReadOnlyList<AskInput> lines, Project? existing, ValidationErrors errors)
    {
        var result = new List<ResourceNeedDraft>();
        if (lines.Count > Project.MaxAsks)
        {
            errors.Add("asks", "资源需求最多 {0} 项", Project.MaxAsks);
            return result;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = $"asks[{i}]";
            var kind = ProjectText.ParseKind(line.Kind);
            var title = line.Title?.Trim() ?? "";
            if (kind is null)
            {
                errors.Add($"{field}.kind", "第 {0} 项：请选择资金、技术服务或组织资源", i + 1);
                continue;
            }

            if (title.Length == 0)
            {
                errors.Add($"{field}.title", "第 {0} 项：请写明需要什么", i + 1);
            }
            else if (title.Length > ResourceNeed.TitleMax)
            {
                errors.Add($"{field}.title", "第 {0} 项：内容不能超过 {1} 个字", i + 1, ResourceNeed.TitleMax);
            }

            if (line.Yuan is not { } yuan || yuan < (kind == ResourceKind.Funding ? 1 : 0) || yuan > Project.MaxYuan)
            {
                errors.Add($"{field}.yuan", kind == ResourceKind.Funding
                    ? "第 {0} 项：请填写所需资金，1 到 100000000 元"
                    : "第 {0} 项：请填写估算价值，0 到 100000000 元", i + 1);
            }

            if (kind == ResourceKind.TechnicalService && line.Hours is not (>= 1 and <= ResourceNeed.MaxHours))
            {
                errors.Add($"{field}.hours", "第 {0} 项：技术服务请填写所需工时，1 到 {1} 小时", i + 1, ResourceNeed.MaxHours);
            }

            if (line.Id is { } id && existing?.Asks.Any(a => a.Id == id) != true)
            {
                errors.Add($"{field}.id", "第 {0} 项已不存在，请刷新后再试", i + 1);
            }

            result.Add(new ResourceNeedDraft(line.Id, kind.Value, title, line.Hours, line.Yuan ?? 0, line.IsKey));
        }

        return result;
    }

    private async Task<IReadOnlyList<NeedBrief>> CheckNeedsAsync(IReadOnlyList<Guid> ids, Guid? communityId, Project? existing, ValidationErrors errors, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > Project.MaxNeeds)
        {
            errors.Add("needIds", "一个项目最多承接 {0} 条诉求", Project.MaxNeeds);
            return [];
        }

        var found = await needs.FindAsync(distinct, ct);
        if (found.Count != distinct.Count)
        {
            errors.Add("needIds", "有诉求不存在，请从列表中选择");
        }

        var linkedHere = existing?.LinkedNeedIds.ToHashSet() ?? [];
        foreach (var need in found)
        {
            if (need.CommunityId != communityId)
            {
                errors.Add("needIds", "诉求“{0}”不属于这个社区", need.Title);
            }
            else if (!linkedHere.Contains(need.Id) && !need.IsOpen)
            {
                errors.Add("needIds", "诉求“{0}”已经办结，不能纳入项目", need.Title);
            }
            else if (need.ProjectId is { } other && other != existing?.Id)
            {
                errors.Add("needIds", "诉求“{0}”已经纳入另一个项目", need.Title);
            }
        }

        return found;
    }
}
