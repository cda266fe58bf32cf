using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Communities.Admin.CreateCommunity;

public sealed record CreateCommunityCommand(string? Code, string? Name, string? NameEn, string? Description);

/// <summary>The district admin adds a community.</summary>
public sealed class CreateCommunityHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Community>> HandleAsync(CreateCommunityCommand command, CancellationToken ct)
    {
        var code = command.Code?.Trim().ToLowerInvariant();
        var name = command.Name?.Trim();
        var errors = Community.Validate(code, name, command.NameEn, command.Description, checkCode: true);
        if (!errors.IsValid)
        {
            return errors;
        }

        if (await db.Set<Community>().AnyAsync(c => c.Code == code, ct))
        {
            errors.Add("code", "社区代码“{0}”已被使用", code!);
        }

        if (await db.Set<Community>().AnyAsync(c => c.Name == name, ct))
        {
            errors.Add("name", "已有名为“{0}”的社区", name!);
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var district = await db.Set<District>().OrderBy(d => d.Code).FirstOrDefaultAsync(ct);
        if (district is null)
        {
            return Result<Community>.Conflict("尚未设置新区，无法创建社区");
        }

        var community = Community.Create(district.Id, code!, name!, Blank(command.NameEn), Blank(command.Description), isSample: false, clock.GetUtcNow().UtcDateTime);
        db.Add(community);
        audit.Record("communities.create", nameof(Community), community.Id, null, community.Snapshot(), community.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone created the same code or name a moment earlier.
            return ValidationErrors.Of("code", "社区代码或名称已被使用");
        }

        return community;
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
