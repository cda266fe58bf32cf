using CommunityPartner.Web.Modules.Projects.ViewProject;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.TrackProject;

public static class TrackProjectEndpoints
{
    public sealed record UpdateRequest(string? Text);

    public static RouteGroupBuilder MapTrackProject(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{id:guid}/milestones", async (Guid id, MilestoneInput input, HttpContext http, TrackProjectHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.AddMilestoneAsync(id, input, http.User, ct);
            return ApiResults.From(result, text, m => TypedResults.Created($"/api/v1/projects/{id}", new MilestoneView(m.Id, m.Title, m.PlannedOn, m.ReachedOn, m.Note)));
        })
        .RequireAuthorization(Policies.Staff)
        .RequireCommunityScope("project", "id")
        .WithName("AddProjectMilestone")
        .WithSummary("Plan a milestone (title, plannedOn yyyy-MM-dd, not before the previous one).")
        .WithTags("Projects")
        .Produces<MilestoneView>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/projects/{id:guid}/milestones/{milestoneId:guid}/reach", async (Guid id, Guid milestoneId, ReachMilestoneInput input, HttpContext http, TrackProjectHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.ReachMilestoneAsync(id, milestoneId, input, http.User, ct);
            return ApiResults.From(result, text, m => TypedResults.Ok(new MilestoneView(m.Id, m.Title, m.PlannedOn, m.ReachedOn, m.Note)));
        })
        .RequireAuthorization(Policies.Staff)
        .RequireCommunityScope("project", "id")
        .WithName("ReachProjectMilestone")
        .WithSummary("Record the day a milestone was reached (not in the future, not before the project started).")
        .WithTags("Projects")
        .Produces<MilestoneView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/projects/{id:guid}/updates", async (Guid id, HttpRequest request, TrackProjectHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            string? body;
            List<PhotoUpload> photos = [];
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                body = form["text"];
                photos = [.. form.Files.GetFiles("photos").Select(f => new PhotoUpload(f.FileName, f.Length, f.OpenReadStream))];
            }
            else
            {
                var json = await ReadJsonAsync(request, ct);
                if (json is null)
                {
                    return ApiResults.Validation(ValidationErrors.Of("", "请求内容无法识别"), text);
                }

                body = json.Text;
            }

            var result = await handler.PostUpdateAsync(id, body, photos, request.HttpContext.User, ct);
            return ApiResults.From(result, text, u => TypedResults.Created($"/api/v1/projects/{id}", new UpdateView(u.Id, u.Text, u.At, [])));
        })
        .RequireAuthorization(Policies.Staff)
        .RequireCommunityScope("project", "id")
        .DisableAntiforgery()
        .Accepts<UpdateRequest>("application/json", "multipart/form-data")
        .WithName("PostProjectUpdate")
        .WithSummary("Post a progress update (text; multipart may add up to three `photos`). People following the project's needs are told.")
        .WithTags("Projects")
        .Produces<UpdateView>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<UpdateRequest?> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFromJsonAsync<UpdateRequest>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
