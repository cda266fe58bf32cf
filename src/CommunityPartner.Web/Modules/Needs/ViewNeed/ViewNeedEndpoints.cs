using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.ViewNeed;

public static class ViewNeedEndpoints
{
    public static RouteGroupBuilder MapViewNeed(this RouteGroupBuilder api)
    {
        api.MapGet("/needs/{id:guid}", async (Guid id, NeedReader reader, CancellationToken ct) =>
            await reader.FindAsync(id, ct) is { } need ? Results.Ok(need) : Results.NotFound())
        .WithName("GetNeed")
        .WithSummary("One need with its public timeline.")
        .WithTags("Needs")
        .Produces<NeedDetails>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// Photos are stored outside wwwroot and served here. Needs are public, so are their photos; a photo of a need that
    /// was rejected is shown only to its raiser and the community's staff, since a rejection may be about its content.
    /// </summary>
    public static IEndpointRouteBuilder MapNeedPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/needs/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, HttpContext http, AppDbContext db, FileStore files, CancellationToken ct) =>
        {
            var photo = await db.Set<NeedPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.NeedId == id, ct);
            var need = photo is null ? null : await db.Set<Need>().AsNoTracking().Where(n => n.Id == id)
                .Select(n => new { n.Status, n.RaiserId, n.CommunityId }).FirstOrDefaultAsync(ct);
            if (photo is null || need is null)
            {
                return Results.NotFound();
            }

            if (need.Status == NeedStatus.Rejected)
            {
                var user = http.User;
                var allowed = user.UserId() == need.RaiserId || user.IsInRole(Roles.DistrictAdmin)
                    || (user.IsInRole(Roles.CommunityStaff) && user.CommunityId() == need.CommunityId);
                if (!allowed)
                {
                    return Results.NotFound();
                }
            }

            var stream = files.OpenRead(RaiseNeed.NeedPhotos.PathOf(photo));
            return stream is null ? Results.NotFound() : Results.File(stream, photo.ContentType, enableRangeProcessing: false);
        }).ExcludeFromDescription();
        return app;
    }
}
