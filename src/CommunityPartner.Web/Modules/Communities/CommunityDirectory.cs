using System.Linq.Expressions;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Communities;

internal sealed class CommunityDirectory(AppDbContext db) : ICommunityDirectory
{
    public Task<CommunityInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        Query(c => c.Code == code).FirstOrDefaultAsync(cancellationToken);

    public Task<CommunityInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        Query(c => c.Id == id).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CommunityInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        await Query(_ => true).ToListAsync(cancellationToken);

    private IQueryable<CommunityInfo> Query(Expression<Func<Community, bool>> filter) =>
        from c in db.Set<Community>().AsNoTracking().Where(filter)
        join d in db.Set<District>() on c.DistrictId equals d.Id
        orderby c.IsSample, c.Code
        select new CommunityInfo(c.Id, c.Code, c.Name, c.NameEn, d.Name, d.NameEn, c.IsSample);
}

/// <summary>Route value "code" → the community itself.</summary>
internal sealed class CommunityCodeScopeResolver(AppDbContext db) : ICommunityScopeResolver
{
    public string Name => "community";

    public async Task<Guid?> ResolveAsync(string routeValue, CancellationToken cancellationToken) =>
        await db.Set<Community>().Where(c => c.Code == routeValue).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
}
