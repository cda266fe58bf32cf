using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.ListProjects;

public sealed record ProjectSummaryDto(
    Guid Id, string Community, string CommunityCode, string Category, string Title, string Summary, string Status, string Model,
    long BudgetYuan, DateTime PublishedAt, int AskCount, int NeedCount, Guid? CoverPhotoId);

public sealed record ProjectListDto(IReadOnlyList<ProjectSummaryDto> Items, string? NextCursor, IReadOnlyDictionary<string, int> Counts);

/// <summary>The filters of the list, resolved from codes once for the page and the API.</summary>
public sealed record ProjectFilter(Guid? CommunityId, ProjectStatus? Status, Guid? CategoryId)
{
    public static async Task<ProjectFilter> ResolveAsync(
        string? community, string? status, string? category, ICommunityDirectory communities, INeedLinks needs, ValidationErrors errors, CancellationToken ct)
    {
        Guid? communityId = null;
        if (!string.IsNullOrWhiteSpace(community))
        {
            communityId = (await communities.FindByCodeAsync(community.Trim(), ct))?.Id;
            if (communityId is null)
            {
                errors.Add("community", "没有这个社区");
            }
        }

        ProjectStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsed = ProjectText.ParseStatus(status.Trim());
            if (parsed is null or ProjectStatus.Draft)
            {
                errors.Add("status", "状态只能是 recruiting、matched、in_progress、completed、operating 或 cancelled");
                parsed = null;
            }
        }

        Guid? categoryId = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            categoryId = (await needs.CategoriesAsync(ct)).FirstOrDefault(c => c.Code == category.Trim())?.Id;
            if (categoryId is null)
            {
                errors.Add("category", "没有这个类别");
            }
        }

        return new ProjectFilter(communityId, parsed, categoryId);
    }
}

public static class ListProjectsEndpoint
{
    public static RouteGroupBuilder MapListProjects(this RouteGroupBuilder api)
    {
        api.MapGet("/projects", async (
            string? community, string? status, string? category, string? q, string? cursor, int? limit,
            ProjectSearch search, ICommunityDirectory communities, INeedLinks needs, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            var filter = await ProjectFilter.ResolveAsync(community, status, category, communities, needs, errors, ct);
            if (limit is < 1 or > ProjectSearch.MaxLimit)
            {
                errors.Add("limit", "每页条数须在 1 到 {0} 之间", ProjectSearch.MaxLimit);
            }

            if (!string.IsNullOrEmpty(cursor) && !KeysetCursor.TryDecode(cursor, out _, out _))
            {
                errors.Add("cursor", "翻页参数无效，请从第一页重新开始");
            }

            if (!errors.IsValid)
            {
                return ApiResults.Validation(errors, text);
            }

            var page = await search.PageAsync(new ProjectListQuery(filter.CommunityId, filter.Status, filter.CategoryId, q, cursor, limit ?? 20), ct);
            var counts = await search.CountsAsync(filter.CommunityId, filter.CategoryId, q, ct);
            var communityList = (await communities.ListAsync(ct)).ToDictionary(c => c.Id);
            var categories = (await needs.CategoriesAsync(ct)).ToDictionary(c => c.Id);
            return Results.Ok(new ProjectListDto(
                [.. page.Items.Select(p => new ProjectSummaryDto(
                    p.Id, communityList.GetValueOrDefault(p.CommunityId)?.DisplayName ?? "", communityList.GetValueOrDefault(p.CommunityId)?.Code ?? "",
                    categories.GetValueOrDefault(p.CategoryId)?.Code ?? "", p.Title, p.Summary, ProjectText.StatusCode(p.Status),
                    ProjectText.ModelCode(p.Model), p.BudgetYuan, p.PublishedAt, p.AskCount, p.NeedCount, p.CoverPhotoId))],
                page.NextCursor,
                Enum.GetValues<ProjectStatus>().Where(s => s != ProjectStatus.Draft).ToDictionary(ProjectText.StatusCode, s => counts.GetValueOrDefault(s))));
        })
        .WithName("ListProjects")
        .WithSummary("Published projects: filter by community code, status, category code; search q in title and summary; keyset pages (cursor).")
        .WithTags("Projects")
        .Produces<ProjectListDto>()
        .ProducesValidationProblem();
        return api;
    }
}
