using System.Security.Claims;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Recycling.RecordDropoff;

public sealed record RecordDropoffCommand(string? Phone, string? Category, int WeightGrams);

public sealed record DropoffResult(Guid DropoffId, Guid ResidentId, string Category, int WeightGrams, long Points);

/// <summary>
/// The station operator records a resident's drop-off (by phone, category, weight); the station's rate table turns it
/// into whole points (rounded down), paid from the station's community pool in one transaction with the drop-off row.
/// </summary>
public sealed class RecordDropoffHandler(AppDbContext db, PointsLedger ledger, AuditLog audit, TimeProvider clock)
{
    public const int WeightMaxGrams = 200_000;

    public async Task<Result<DropoffResult>> HandleAsync(Guid stationId, RecordDropoffCommand command, string? idempotencyKey, ClaimsPrincipal actor, CancellationToken ct)
    {
        var station = await db.Set<Station>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null)
        {
            return Result<DropoffResult>.NotFound("没有找到这个绿色驿站");
        }

        if (actor.UserId() is not { } operatorId || !await db.Set<StationOperator>().AnyAsync(o => o.StationId == stationId && o.UserId == operatorId, ct))
        {
            return Result<DropoffResult>.Forbidden("只有这个驿站的运营人员可以登记投放");
        }

        var errors = new ValidationErrors();
        var key = Idempotency.Scope(idempotencyKey, "dropoff", operatorId, errors);
        var phone = PersonalData.NormalizePhone(command.Phone);
        if (!PersonalData.IsMainlandMobile(phone))
        {
            errors.Add("phone", "请填写居民的 11 位手机号");
        }

        var category = command.Category?.Trim() ?? "";
        var rate = await db.Set<StationRate>().AsNoTracking().FirstOrDefaultAsync(r => r.StationId == stationId && r.Category == category, ct);
        if (rate is null)
        {
            errors.Add("category", "这个驿站不收这类回收物");
        }

        if (command.WeightGrams is <= 0 or > WeightMaxGrams)
        {
            errors.Add("weightGrams", "重量应在 1 克到 {0} 克之间", WeightMaxGrams);
        }
        else if (rate is not null && rate.PointsFor(command.WeightGrams) == 0)
        {
            errors.Add("weightGrams", "重量太少，不足 1 积分");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var resident = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == phone).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (resident is null)
        {
            return ValidationErrors.Of("phone", "没有找到这个手机号注册的居民");
        }

        var pool = await ledger.AccountAsync(AccountKind.CommunityPool, station.CommunityId, ct);
        var account = await ledger.AccountAsync(AccountKind.Resident, resident.Value, ct);
        var hash = Idempotency.Hash("dropoff", stationId, phone, category, command.WeightGrams);
        return await ledger.ExecuteAsync<DropoffResult>(key!, hash, async c =>
        {
            var dropoff = Dropoff.Record(stationId, resident.Value, category, command.WeightGrams, rate!.PointsFor(command.WeightGrams), operatorId, clock.GetUtcNow().UtcDateTime);
            db.Add(dropoff);
            await ledger.PostAsync(new TransferOrder(pool, account, dropoff.Points, TransferKind.Dropoff, "dropoff", dropoff.Id.ToString(), operatorId, null, key!, hash), c);
            audit.Record("points.dropoff", nameof(Dropoff), dropoff.Id, null, new { category, command.WeightGrams, dropoff.Points, ResidentId = resident }, station.CommunityId, operatorId);
            await db.SaveChangesAsync(c);
            return new DropoffResult(dropoff.Id, resident.Value, category, command.WeightGrams, dropoff.Points);
        }, async (first, c) =>
        {
            var id = Guid.Parse(first.ReferenceId);
            var d = await db.Set<Dropoff>().AsNoTracking().FirstAsync(x => x.Id == id, c);
            return new DropoffResult(d.Id, d.ResidentId, d.Category, d.WeightGrams, d.Points);
        }, ct);
    }
}
