namespace CommunityPartner.Web.Modules.Partners.Contracts;

/// <summary>What other modules (cooperation) may know of a partner: its name, whether it is verified, who acts for it.</summary>
public sealed record PartnerCard(Guid Id, string Name, bool IsVerified, IReadOnlyList<Guid> MemberIds)
{
    public string Link => $"/partners/{Id}";
}

public interface IPartnerRoster
{
    Task<PartnerCard?> FindAsync(Guid partnerId, CancellationToken ct);

    Task<IReadOnlyList<PartnerCard>> FindManyAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken ct);

    /// <summary>The partners the user is a member of, oldest membership first.</summary>
    Task<IReadOnlyList<PartnerCard>> OfMemberAsync(Guid userId, CancellationToken ct);
}
