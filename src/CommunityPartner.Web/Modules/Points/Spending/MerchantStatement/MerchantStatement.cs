using System.Security.Claims;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Time;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Points.Spending.MerchantStatement;

public sealed record StatementLine(string Code, string ItemName, long Points, DateTime ConfirmedAt);

public sealed record MerchantStatementDto(Guid MerchantId, string MerchantName, DateOnly From, DateOnly To, int Redemptions, long Points, IReadOnlyList<StatementLine> Lines);

/// <summary>
/// A merchant's statement (商家结算单): the redemptions confirmed at its counter in a period (dates inclusive, China
/// time), with totals, for settlement with the community. Only the merchant's own members see it.
/// </summary>
public sealed class MerchantStatementReader(AppDbContext db, IMerchantDirectory merchants)
{
    public const int MaxDays = 366;

    public async Task<Result<MerchantStatementDto>> ReadAsync(Guid merchantId, DateOnly from, DateOnly to, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (await merchants.FindMerchantAsync(merchantId, ct) is not { } merchant)
        {
            return Result<MerchantStatementDto>.NotFound("没有找到这个商家");
        }

        if (actor.UserId() is not { } userId || !await merchants.IsMemberAsync(merchantId, userId, ct))
        {
            return Result<MerchantStatementDto>.Forbidden("只有本商家的成员可以查看结算单");
        }

        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return ValidationErrors.Of("to", "结束日期不能早于开始日期，且最多一年");
        }

        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        var lines = await (from r in db.Set<Redemption>().AsNoTracking()
                           join i in db.Set<MerchantItem>().AsNoTracking() on r.ItemId equals i.Id
                           where r.PartnerId == merchantId && r.Status == RedemptionStatus.Confirmed && r.ClosedAt >= start && r.ClosedAt < end
                           orderby r.ClosedAt
                           select new StatementLine(r.Code, i.Name, r.Points, r.ClosedAt!.Value)).ToListAsync(ct);
        return new MerchantStatementDto(merchantId, merchant.Name, from, to, lines.Count, lines.Sum(l => l.Points), lines);
    }

    /// <summary>The current month in China time, the period a statement shows unless asked otherwise.</summary>
    public static (DateOnly From, DateOnly To) ThisMonth(DateTime utcNow)
    {
        var today = DateOnly.FromDateTime(DistrictTime.Of(utcNow));
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }
}

public static class MerchantStatementEndpoint
{
    public static RouteGroupBuilder MapMerchantStatement(this RouteGroupBuilder api)
    {
        api.MapGet("/merchants/{id:guid}/statement", async (Guid id, DateOnly? from, DateOnly? to, HttpContext http, MerchantStatementReader reader,
            TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var month = MerchantStatementReader.ThisMonth(clock.GetUtcNow().UtcDateTime);
            return ApiResults.From(await reader.ReadAsync(id, from ?? month.From, to ?? month.To, http.User, ct), text, r => TypedResults.Ok(r));
        })
        .RequireAuthorization(Policies.SignedIn)
        .WithName("MerchantStatement")
        .WithSummary("The merchant's statement for settlement: redemptions confirmed in the period (from/to as yyyy-MM-dd, inclusive, China time; default this month) with totals. Members of the merchant only.")
        .WithTags("Points")
        .Produces<MerchantStatementDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
