namespace CommunityPartner.Web.Modules.Roadshows.Contracts;

/// <summary>What the cooperation module may know of roadshow interests: whether someone tapped "有意合作" on a project.</summary>
public interface IRoadshowInterests
{
    Task<bool> HasInterestAsync(Guid userId, Guid projectId, CancellationToken ct);
}
