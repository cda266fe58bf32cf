using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects.ViewProject;

public static class ViewProjectEndpoints
{
    public static RouteGroupBuilder MapViewProject(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{id:guid}", async (Guid id, HttpContext http, ProjectReader reader, CancellationToken ct) =>
            await reader.FindAsync(id, http.User, ct) is { } project ? Results.Ok(project) : Results.NotFound())
        .WithName("GetProject")
        .WithSummary("One project: what it asks for, the needs it answers, milestones, updates and its story. Drafts only for its community's staff.")
        .WithTags("Projects")
        .Produces<ProjectDetails>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Project photos live outside wwwroot; a public project's photos are public, a draft's only for its staff.</summary>
    public static IEndpointRouteBuilder MapProjectPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/projects/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, HttpContext http, AppDbContext db, FileStore files, CancellationToken ct) =>
        {
            var photo = await db.Set<ProjectPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.ProjectId == id, ct);
            var project = photo is null ? null : await db.Set<Project>().AsNoTracking().Where(p => p.Id == id)
                .Select(p => new { p.Status, p.PublishedAt, p.CommunityId }).FirstOrDefaultAsync(ct);
            if (photo is null || project is null)
            {
                return Results.NotFound();
            }

            if ((project.Status == ProjectStatus.Draft || project.PublishedAt is null) && !ProjectPeople.CanManage(http.User, project.CommunityId))
            {
                return Results.NotFound();
            }

            var stream = files.OpenRead(photo.StoragePath);
            return stream is null ? Results.NotFound() : Results.File(stream, photo.ContentType, enableRangeProcessing: false);
        }).ExcludeFromDescription();
        return app;
    }
}
