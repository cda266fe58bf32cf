using CommunityPartner.Web.Modules.Projects.ViewProject;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.SaveProject;

public static class SaveProjectEndpoints
{
    public static RouteGroupBuilder MapSaveProject(this RouteGroupBuilder api)
    {
        api.MapPost("/projects", async (ProjectInput input, HttpContext http, SaveProjectHandler handler, ProjectReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.CreateAsync(input, null, http.User, ct);
            return result.IsOk
                ? TypedResults.Created($"/api/v1/projects/{result.Value!.Id}", await reader.FindAsync(result.Value.Id, http.User, ct))
                : ApiResults.From(result, text, _ => TypedResults.Ok());
        })
        .RequireAuthorization(Policies.Staff)
        .WithName("CreateProject")
        .WithSummary("Create a project as a draft (staff: in their community; district admin: name communityCode). Asks, needs answered, operating model.")
        .WithTags("Projects")
        .Produces<ProjectDetails>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("/projects/{id:guid}", async (Guid id, ProjectInput input, HttpContext http, SaveProjectHandler handler, ProjectReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.EditAsync(id, input, null, http.User, ct);
            return result.IsOk
                ? TypedResults.Ok(await reader.FindAsync(id, http.User, ct))
                : ApiResults.From(result, text, _ => TypedResults.Ok());
        })
        .RequireAuthorization(Policies.Staff)
        .RequireCommunityScope("project", "id")
        .WithName("EditProject")
        .WithSummary("Change a project. Asks keep their ids (send id to keep a line). Needs added to or removed from a published project move at once.")
        .WithTags("Projects")
        .Produces<ProjectDetails>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/projects/{id:guid}/cover", async (Guid id, HttpRequest request, SaveProjectHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("cover") : null;
            var upload = file is null ? null : new PhotoUpload(file.FileName, file.Length, file.OpenReadStream);
            var result = await handler.SetCoverAsync(id, upload, request.HttpContext.User, ct);
            return ApiResults.From(result, text, p => TypedResults.Ok(new { p.CoverPhotoId }));
        })
        .RequireAuthorization(Policies.Staff)
        .RequireCommunityScope("project", "id")
        .DisableAntiforgery()
        .Accepts<IFormFile>("multipart/form-data", "application/json")
        .WithName("SetProjectCover")
        .WithSummary("Set the project's cover photo (multipart field `cover`; JPEG, PNG or WebP up to 5 MB, metadata removed). Any other body is answered with a field error on `cover`.")
        .WithTags("Projects")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
