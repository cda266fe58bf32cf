using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.Admin.Categories;

public static class ManageCategoriesEndpoints
{
    public static RouteGroupBuilder MapNeedCategories(this RouteGroupBuilder api)
    {
        api.MapGet("/need-categories", async (ManageCategoriesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("ListNeedCategories")
            .WithSummary("Need categories with their response (hours) and resolution (days) deadlines.")
            .WithTags("Needs");

        api.MapPost("/need-categories", async (CategoryCommand body, ManageCategoriesHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.CreateAsync(body, ct), text, c => TypedResults.Created($"/api/v1/need-categories/{c.Code}", CategoryDto.From(c))))
            .RequireAuthorization(Policies.DistrictAdmin)
            .WithName("CreateNeedCategory")
            .WithSummary("Add a need category (district admin).")
            .WithTags("Needs")
            .ProducesValidationProblem();

        api.MapPut("/need-categories/{code}", async (string code, CategoryCommand body, ManageCategoriesHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.UpdateAsync(code, body, ct), text, c => TypedResults.Ok(CategoryDto.From(c))))
            .RequireAuthorization(Policies.DistrictAdmin)
            .WithName("EditNeedCategory")
            .WithSummary("Rename a category, change its deadlines, or retire it (district admin).")
            .WithTags("Needs")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
