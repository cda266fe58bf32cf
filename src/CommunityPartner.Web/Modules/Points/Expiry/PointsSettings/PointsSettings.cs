using System.Security.Claims;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPartner.Web.Modules.Points.Expiry.PointsSettings;

public sealed record SavePointsSettingsCommand(int? ExpiryMonths);

/// <summary>The points policy in force; <paramref name="IsDefault"/> when the district has not set it and the configured default applies.</summary>
public sealed record PointsSettingsDto(int ExpiryMonths, bool IsDefault);

/// <summary>The district admin sets how many months points stay valid; the expiry job reads it through <see cref="CurrentAsync"/>.</summary>
public sealed class PointsSettingsHandler(AppDbContext db, AuditLog audit, TimeProvider clock, IOptions<PointsOptions> options)
{
    public async Task<PointsSettingsDto> CurrentAsync(CancellationToken ct) =>
        await db.Set<PointsSetting>().AsNoTracking().Where(s => s.Id == PointsSetting.Id1).Select(s => (int?)s.ExpiryMonths).FirstOrDefaultAsync(ct) is { } months
            ? new PointsSettingsDto(months, false)
            : new PointsSettingsDto(options.Value.ExpiryMonths, true);

    public async Task<Result<PointsSettingsDto>> SaveAsync(SavePointsSettingsCommand command, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } adminId || !actor.IsInRole(Roles.DistrictAdmin))
        {
            return Result<PointsSettingsDto>.Forbidden("只有新区管理员可以设置积分有效期");
        }

        if (command.ExpiryMonths is not { } months || months is < PointsSetting.MinMonths or > PointsSetting.MaxMonths)
        {
            return ValidationErrors.Of("expiryMonths", "积分有效期应在 1 到 120 个月之间");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var setting = await db.Set<PointsSetting>().FirstOrDefaultAsync(s => s.Id == PointsSetting.Id1, ct);
        var before = setting?.Snapshot();
        if (setting is null)
        {
            setting = PointsSetting.Create(months, adminId, now);
            db.Add(setting);
        }
        else
        {
            setting.Change(months, adminId, now);
        }

        audit.Record("points.settings.save", nameof(PointsSetting), setting.Id, before, setting.Snapshot(), null, adminId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Result<PointsSettingsDto>.Conflict("积分有效期刚被别人设置，请刷新后再试");
        }

        return new PointsSettingsDto(setting.ExpiryMonths, false);
    }
}
