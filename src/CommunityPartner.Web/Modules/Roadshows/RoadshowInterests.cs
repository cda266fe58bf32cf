using CommunityPartner.Web.Modules.Roadshows.Contracts;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Roadshows;

/// <inheritdoc cref="IRoadshowInterests"/>
internal sealed class RoadshowInterests(AppDbContext db) : IRoadshowInterests
{
    public Task<bool> HasInterestAsync(Guid userId, Guid projectId, CancellationToken ct) =>
        db.Set<RoadshowInterest>().AnyAsync(i => i.UserId == userId && i.ProjectId == projectId, ct);
}
