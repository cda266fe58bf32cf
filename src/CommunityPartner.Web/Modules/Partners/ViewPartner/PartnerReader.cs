using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners.ViewPartner;

public sealed record PartnerSummary(Guid Id, string Type, string TypeKey, string Name, string Status, string StatusKey, IReadOnlyList<string> Strengths, IReadOnlyList<string> Communities);

/// <param name="ContactPhone">Masked, except for the partner's own members and the district admin (whose read is logged).</param>
/// <param name="RejectReason">Only for the partner's members and the district admin.</param>
public sealed record PartnerDetails(
    Guid Id, string Type, string TypeKey, string Name, string? CreditCode, string ContactName, string ContactPhone, string Introduction,
    string Status, string StatusKey, string? RejectReason, IReadOnlyList<string> Strengths, IReadOnlyList<string> Communities,
    bool ShowOnHonourWall, DateTime CreatedAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ViewerIsMember { get; init; }
}

/// <summary>
/// Partners as the public, their members and the district admin see them. Before verification a partner is visible
/// only to its members and the admin. A contact phone is personal data: masked for everyone else.
/// </summary>
public sealed class PartnerReader(AppDbContext db, ICommunityDirectory communities, AuditLog audit)
{
    public async Task<PartnerDetails?> FindAsync(Guid id, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var partner = await db.Set<Partner>().AsNoTracking().Include(p => p.Strengths).Include(p => p.Communities).Include(p => p.Members)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
        {
            return null;
        }

        var isAdmin = viewer.IsInRole(Roles.DistrictAdmin);
        var isMember = viewer.UserId() is { } userId && partner.HasMember(userId);
        if (partner.Status != PartnerStatus.Verified && !isAdmin && !isMember)
        {
            return null;
        }

        var names = (await communities.ListAsync(ct)).ToDictionary(c => c.Id, c => c.DisplayName);
        var phone = PersonalData.MaskPhone(partner.ContactPhone);
        var contact = PersonalData.MaskName(partner.ContactName);
        if (isMember || isAdmin)
        {
            phone = partner.ContactPhone;
            contact = partner.ContactName;
            if (isAdmin && !isMember)
            {
                audit.RecordPersonalDataRead(nameof(Partner), partner.Id, "contact");
                await db.SaveChangesAsync(ct);
            }
        }

        return new PartnerDetails(
            partner.Id, PartnerText.TypeCode(partner.Type), PartnerText.TypeKey(partner.Type), partner.Name, partner.CreditCode, contact, phone,
            partner.Introduction, PartnerText.StatusCode(partner.Status), PartnerText.StatusKey(partner.Status),
            isMember || isAdmin ? partner.RejectReason : null,
            [.. partner.Strengths.Select(s => s.Code).OrderBy(c => PartnerText.Strengths.ToList().FindIndex(x => x.Code == c))],
            [.. partner.Communities.Select(c => names.GetValueOrDefault(c.CommunityId, "")).Order(StringComparer.Ordinal)],
            partner.ShowOnHonourWall, partner.CreatedAt)
        {
            ViewerIsMember = isMember,
        };
    }

    /// <summary>Verified partners, optionally of one type and serving one community; the admin may also list by status.</summary>
    public async Task<IReadOnlyList<PartnerSummary>> ListAsync(PartnerType? type, Guid? communityId, PartnerStatus status, CancellationToken ct)
    {
        var query = db.Set<Partner>().AsNoTracking().Include(p => p.Strengths).Include(p => p.Communities).Where(p => p.Status == status);
        if (type is { } t)
        {
            query = query.Where(p => p.Type == t);
        }

        if (communityId is { } c)
        {
            query = query.Where(p => p.Communities.Any(x => x.CommunityId == c));
        }

        var names = (await communities.ListAsync(ct)).ToDictionary(x => x.Id, x => x.DisplayName);
        var partners = await query.OrderBy(p => p.CreatedAt).Take(500).AsSplitQuery().ToListAsync(ct);
        return [.. partners.Select(p => new PartnerSummary(
            p.Id, PartnerText.TypeCode(p.Type), PartnerText.TypeKey(p.Type), p.Name, PartnerText.StatusCode(p.Status), PartnerText.StatusKey(p.Status),
            [.. p.Strengths.Select(s => s.Code)], [.. p.Communities.Select(x => names.GetValueOrDefault(x.CommunityId, ""))]))];
    }
}
