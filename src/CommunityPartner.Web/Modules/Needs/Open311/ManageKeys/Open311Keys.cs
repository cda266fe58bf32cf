using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.Open311.ManageKeys;

public sealed record IssuedKey(Open311ApiKey Key, string Plain);

/// <summary>
/// The district admin issues an Open311 API key to another civic system, and revokes it. Only the key's hash is kept,
/// so the plain key exists once, in the answer to the issue; each issue and revoke is audited.
/// </summary>
public sealed class Open311KeysHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<Open311ApiKey>> ListAsync(CancellationToken ct) =>
        await db.Set<Open311ApiKey>().AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(ct);

    public async Task<Result<IssuedKey>> IssueAsync(string? name, Guid? adminId, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return ValidationErrors.Of("name", "请填写密钥的用途，如“12345 热线对接”");
        }

        if (trimmed.Length > Open311ApiKey.NameMax)
        {
            return ValidationErrors.Of("name", "用途不能超过 {0} 个字", Open311ApiKey.NameMax);
        }

        var (key, plain) = Open311ApiKey.Issue(trimmed, adminId, clock.GetUtcNow().UtcDateTime);
        db.Add(key);
        audit.Record("needs.open311-key.issue", nameof(Open311ApiKey), key.Id, null, new { key.Name, key.Prefix });
        await db.SaveChangesAsync(ct);
        return new IssuedKey(key, plain);
    }

    public async Task<Result<Open311ApiKey>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.Set<Open311ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return Result<Open311ApiKey>.NotFound("未找到这个密钥");
        }

        if (!key.IsActive)
        {
            return key;
        }

        key.Revoke(clock.GetUtcNow().UtcDateTime);
        audit.Record("needs.open311-key.revoke", nameof(Open311ApiKey), key.Id, new { key.Name, key.Prefix, RevokedAt = (DateTime?)null }, new { key.Name, key.Prefix, key.RevokedAt });
        await db.SaveChangesAsync(ct);
        return key;
    }
}
