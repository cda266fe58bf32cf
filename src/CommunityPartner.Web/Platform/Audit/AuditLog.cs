using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;

namespace CommunityPartner.Web.Platform.Audit;

/// <summary>
/// Writes audit entries into the same unit of work as the change they describe, so a change and its entry
/// are saved together or not at all. Call it before SaveChanges.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public void Record(string action, string entityType, object entityId, object? before, object? after, Guid? communityId = null, Guid? actorId = null) =>
        db.AuditEntries.Add(Entry(action, entityType, entityId, before, after, communityId, actorId));

    /// <summary>
    /// The entry <see cref="Record"/> would add, for a caller that writes it itself (e.g. in one batched command with the
    /// change it describes). It MUST land in the same transaction as that change.
    /// </summary>
    public AuditEntry Entry(string action, string entityType, object entityId, object? before, object? after, Guid? communityId = null, Guid? actorId = null) =>
        new()
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId ?? http.HttpContext?.User.UserId(),
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, CultureInfo.InvariantCulture) ?? "",
            CommunityId = communityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };

    /// <summary>Records that a staff member read someone's personal data (PIPL access log).</summary>
    public void RecordPersonalDataRead(string entityType, object entityId, string what, Guid? communityId = null) =>
        Record("personal-data.read", entityType, entityId, null, new { what }, communityId);
}
