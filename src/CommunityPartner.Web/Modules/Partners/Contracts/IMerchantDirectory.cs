using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners.Contracts;

/// <summary>A caring merchant (爱心商家) partner, as other modules see it.</summary>
public sealed record MerchantRef(Guid Id, string Name, bool Verified);

/// <summary>What the points module needs to know about merchant partners and who acts for them.</summary>
public interface IMerchantDirectory
{
    /// <summary>The partner when it is of the merchant type; null otherwise.</summary>
    Task<MerchantRef?> FindMerchantAsync(Guid partnerId, CancellationToken cancellationToken);

    Task<bool> IsMemberAsync(Guid partnerId, Guid userId, CancellationToken cancellationToken);

    /// <summary>The merchant partners the user is a member of.</summary>
    Task<IReadOnlyList<MerchantRef>> MerchantsOfMemberAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The ids of the partners the user is a member of, as a query the caller composes into its own.</summary>
    IQueryable<Guid> PartnerIdsOfMember(Guid userId);
}

/// <summary>
/// Merchant facts as expressions, for another module's compiled query (<c>EF.CompileAsyncQuery</c>), which cannot call
/// <see cref="IMerchantDirectory"/>: the caller splices the expression into its own (see <c>Platform.Data.Splice</c>).
/// </summary>
public static class MerchantQueries
{
    /// <summary>The ids of verified merchants, given the query's context.</summary>
    public static Expression<Func<DbContext, IQueryable<Guid>>> VerifiedMerchantIds { get; } =
        db => db.Set<Partner>().Where(p => p.Type == PartnerType.Merchant && p.Status == PartnerStatus.Verified).Select(p => p.Id);
}
