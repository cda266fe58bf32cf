namespace CommunityPartner.Web.Modules.Partners.Contracts;

/// <summary>
/// A partner's public profile as the cooperation module matches and honours it: type, strength tag codes (see
/// <c>PartnerText.Strengths</c>), the communities it serves, whether it is verified and whether it opted in to the
/// honour wall (爱心榜). No personal data.
/// </summary>
public sealed record PartnerProfile(
    Guid Id, string Name, string TypeCode, string TypeKey, bool IsVerified, bool ShowOnHonourWall,
    IReadOnlyList<string> Strengths, IReadOnlyList<Guid> Communities, IReadOnlyList<Guid> MemberIds)
{
    public string Link => $"/partners/{Id}";
}

public interface IPartnerProfiles
{
    /// <summary>Every partner that is verified or awaiting review (rejected ones never), ordered by name then id.</summary>
    Task<IReadOnlyList<PartnerProfile>> ListAsync(CancellationToken ct);

    Task<PartnerProfile?> FindAsync(Guid partnerId, CancellationToken ct);

    /// <summary>The strength tag's Chinese name (a localization key), or the code when unknown.</summary>
    string StrengthKey(string code);
}
