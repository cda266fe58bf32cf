using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Bills.PersonalBill;

public static class PersonalBillEndpoints
{
    public sealed record RaisedDto(Guid Id, string Title, string Status, DateTime SubmittedAt, string Link);

    public sealed record NeedsDto(int Raised, int Resolved, int Open, int Rejected, int Merged, int Supported, IReadOnlyList<RaisedDto> Items);

    public sealed record RoadshowsDto(int Attended, int ProjectsScored, decimal? AverageScore);

    public sealed record PointsDto(long Earned, long Spent, long Expired);

    /// <param name="Card">The shareable SVG card of the same figures.</param>
    public sealed record PersonalBillDto(int Year, string Name, NeedsDto Needs, RoadshowsDto Roadshows, PointsDto Points, string Card);

    public static RouteGroupBuilder MapPersonalBillApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/bill", async (int? year, HttpContext http, PersonalBillReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await reader.ReadAsync(http.User, year, ct), text, b => TypedResults.Ok(new PersonalBillDto(
                b.Year,
                b.MaskedName,
                new NeedsDto(b.Raised.Count, b.Resolved, b.Open, b.Rejected, b.Merged, b.Supported,
                    [.. b.Raised.Select(n => new RaisedDto(n.Id, n.Title, n.StatusCode, n.SubmittedAt, $"/needs/{n.Id}"))]),
                new RoadshowsDto(b.Roadshows.Attended, b.Roadshows.ProjectsScored, b.Roadshows.AverageScore),
                new PointsDto(b.Points.Earned, b.Points.Spent, b.Points.Expired),
                $"/me/bill/{b.Year}.svg"))))
        .RequireAuthorization(Policies.SignedIn)
        .WithName("GetPersonalBill")
        .WithSummary("The personal happiness bill: the signed-in person's own year (default: this year, Beijing time) — needs raised and what became of them, needs supported, roadshows attended and projects scored, points earned, spent and expired. Only ever one's own.")
        .WithTags("Bills")
        .Produces<PersonalBillDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }
}
