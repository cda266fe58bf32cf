using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Communities.Admin.EditCommunity;

public sealed record EditCommunityCommand(string Code, string? Name, string? NameEn, string? Description);

/// <summary>The district admin renames a community or changes its description; the code never changes.</summary>
public sealed class EditCommunityHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Community>> HandleAsync(EditCommunityCommand command, CancellationToken ct)
    {
        var community = await db.Set<Community>().FirstOrDefaultAsync(c => c.Code == command.Code, ct);
        if (community is null)
        {
            return Result<Community>.NotFound("未找到该社区");
        }

        var name = command.Name?.Trim();
        var errors = Community.Validate(null, name, command.NameEn, command.Description, checkCode: false);
        if (errors.IsValid && await db.Set<Community>().AnyAsync(c => c.Name == name && c.Id != community.Id, ct))
        {
            errors.Add("name", "已有名为“{0}”的社区", name!);
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var before = community.Snapshot();
        community.Update(name!, Blank(command.NameEn), Blank(command.Description), clock.GetUtcNow().UtcDateTime);
        audit.Record("communities.edit", nameof(Community), community.Id, before, community.Snapshot(), community.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return ValidationErrors.Of("name", "已有名为“{0}”的社区", name!);
        }

        return community;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
