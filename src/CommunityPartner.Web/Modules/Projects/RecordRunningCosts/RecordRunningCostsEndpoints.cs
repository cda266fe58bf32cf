using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Projects.RecordRunningCosts;

public static class RecordRunningCostsEndpoints
{
    /// <summary>One recorded month, yuan; <c>ratePercent</c> is that month's self-sustainability rate (capped at 100).</summary>
    public sealed record RunningCostDto(
        Guid Id, string Month, long CostsYuan, long OwnIncomeYuan, long MerchantYuan, long PartnerYuan, long DistrictYuan,
        decimal? RatePercent, DateTime RecordedAt, DateTime? CorrectedAt, string? CorrectionReason);

    /// <summary>A project's recorded months (newest first) and the sums and rate over all of them.</summary>
    public sealed record RunningCostsDto(Guid ProjectId, int Count, long CostsYuan, long SelfFundedYuan, long DistrictYuan, decimal? RatePercent, IReadOnlyList<RunningCostDto> Items);

    public static RouteGroupBuilder MapRecordRunningCosts(this RouteGroupBuilder api)
    {
        api.MapPut("/projects/{id:guid}/running-costs/{month}", async (Guid id, string month, RunningCostInput input, HttpContext http, RecordRunningCostsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var result = await handler.SaveAsync(id, month, input, http.User, ct);
            return ApiResults.From(result, text, r => r.Created
                ? TypedResults.Created($"/api/v1/projects/{id}/running-costs", Dto(r.Record))
                : TypedResults.Ok(Dto(r.Record)));
        })
        .RequireCommunityScope("project", "id")
        .WithName("RecordProjectRunningCosts")
        .WithSummary("Record (201) or correct (200) an operating project's running costs for a month (yyyy-MM, Beijing time; not in the future, not before it began operating): costsYuan > 0 and the funding by source (ownIncomeYuan, merchantYuan, partnerYuan, districtYuan ≥ 0), whole yuan. A correction needs a reason and is audited before/after. Staff of the project's community and the district admin.")
        .WithTags("Projects")
        .Produces<RunningCostDto>()
        .Produces<RunningCostDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/projects/{id:guid}/running-costs", async (Guid id, HttpContext http, RecordRunningCostsHandler handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            ApiResults.From(await handler.ListAsync(id, http.User, ct), text, r =>
            {
                var sums = Sums(r.Project, r.Records);
                return TypedResults.Ok(new RunningCostsDto(id, r.Records.Count, sums.CostsYuan, sums.SelfFundedYuan, sums.DistrictYuan, sums.RatePercent, [.. r.Records.Select(Dto)]));
            }))
        .RequireCommunityScope("project", "id")
        .WithName("ListProjectRunningCosts")
        .WithSummary("A project's recorded running costs by month, newest first, with the self-sustainability rate over all of them: (own income + merchants + partners) ÷ running costs, capped at 100 %, null when nothing is recorded. Staff of the project's community and the district admin.")
        .WithTags("Projects")
        .Produces<RunningCostsDto>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static SustainabilitySums Sums(Project project, IEnumerable<RunningCostRecord> records) =>
        SustainabilitySums.Of(records.Select(r => Fact(project, r)));

    public static RunningCostFact Fact(Project project, RunningCostRecord r) =>
        new(r.Id, r.ProjectId, r.CommunityId, project.Title, r.Month, r.CostsYuan, r.OwnIncomeYuan, r.MerchantYuan, r.PartnerYuan, r.DistrictYuan);

    private static RunningCostDto Dto(RunningCostRecord r) => new(
        r.Id, r.Month, r.CostsYuan, r.OwnIncomeYuan, r.MerchantYuan, r.PartnerYuan, r.DistrictYuan,
        new SustainabilitySums(r.CostsYuan, r.OwnIncomeYuan, r.MerchantYuan, r.PartnerYuan, r.DistrictYuan, [r.Id]).RatePercent,
        r.RecordedAt, r.CorrectedAt, r.CorrectionReason);
}
