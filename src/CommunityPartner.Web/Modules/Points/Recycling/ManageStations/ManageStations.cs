using System.Security.Claims;
using System.Text.RegularExpressions;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Recycling.ManageStations;

public sealed record CreateStationCommand(string? Name, IReadOnlyList<string>? OperatorPhones);

public sealed record SaveRateCommand(string? Name, long PointsPerKg);

public sealed record RateDto(string Category, string Name, long PointsPerKg);

public sealed record StationDto(Guid Id, Guid CommunityId, string Name, IReadOnlyList<RateDto> Rates);

/// <summary>Community staff open a green station in their community, name its operators, and set its rate table.</summary>
public sealed partial class ManageStationsHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<StationDto?> FindAsync(Guid id, CancellationToken ct)
    {
        var station = await db.Set<Station>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (station is null)
        {
            return null;
        }

        var rates = await db.Set<StationRate>().AsNoTracking().Where(r => r.StationId == id).OrderBy(r => r.Category)
            .Select(r => new RateDto(r.Category, r.Name, r.PointsPerKg)).ToListAsync(ct);
        return new StationDto(station.Id, station.CommunityId, station.Name, rates);
    }

    public async Task<Result<StationDto>> CreateAsync(CreateStationCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } staffId || !actor.IsInRole(Roles.CommunityStaff) || actor.CommunityId() is not { } communityId)
        {
            return Result<StationDto>.Forbidden("只有社区工作者可以管理绿色驿站");
        }

        var name = command.Name?.Trim() ?? "";
        var errors = new ValidationErrors().Text("name", name, Station.NameMax, "请填写驿站名称", "驿站名称不能超过 {0} 个字");
        var operators = new List<Guid>();
        foreach (var phone in (command.OperatorPhones ?? []).Select(PersonalData.NormalizePhone).Distinct())
        {
            var id = await db.Users.Where(u => u.PhoneNumber == phone).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                errors.Add("operatorPhones", "没有找到手机号为 {0} 的用户", phone);
            }
            else
            {
                operators.Add(id.Value);
            }
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var station = Station.Create(communityId, name, clock.GetUtcNow().UtcDateTime);
        db.Add(station);
        db.AddRange(operators.Select(o => StationOperator.Of(station.Id, o)));
        audit.Record("points.station.create", nameof(Station), station.Id, null, new { name, operators }, communityId, staffId);
        await db.SaveChangesAsync(ct);
        return new StationDto(station.Id, communityId, name, []);
    }

    public async Task<Result<RateDto>> SaveRateAsync(Guid stationId, string category, SaveRateCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        var station = await db.Set<Station>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null)
        {
            return Result<RateDto>.NotFound("没有找到这个绿色驿站");
        }

        if (actor.UserId() is not { } staffId || !actor.IsInRole(Roles.CommunityStaff) || actor.CommunityId() != station.CommunityId)
        {
            return Result<RateDto>.Forbidden("只能管理本社区的绿色驿站");
        }

        var name = command.Name?.Trim() ?? "";
        var errors = new ValidationErrors().Text("name", name, StationRate.CategoryMax, "请填写回收类别名称", "类别名称不能超过 {0} 个字");
        if (!CategoryPattern().IsMatch(category))
        {
            errors.Add("category", "类别代码只能用小写字母、数字和短横线，最多 {0} 个字符", StationRate.CategoryMax);
        }

        if (command.PointsPerKg is <= 0 or > StationRate.PointsPerKgMax)
        {
            errors.Add("pointsPerKg", "每公斤积分应在 1 到 {0} 之间", StationRate.PointsPerKgMax);
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var rate = await db.Set<StationRate>().FirstOrDefaultAsync(r => r.StationId == stationId && r.Category == category, ct);
        var before = rate is null ? null : new { rate.Name, rate.PointsPerKg };
        if (rate is null)
        {
            rate = StationRate.Create(stationId, category, name, command.PointsPerKg);
            db.Add(rate);
        }
        else
        {
            rate.Change(name, command.PointsPerKg);
        }

        audit.Record("points.station.rate", nameof(Station), stationId, before, new { category, name, command.PointsPerKg }, station.CommunityId, staffId);
        await db.SaveChangesAsync(ct);
        return new RateDto(category, name, command.PointsPerKg);
    }

    [GeneratedRegex("^[a-z0-9-]{1,30}$")]
    private static partial Regex CategoryPattern();
}
