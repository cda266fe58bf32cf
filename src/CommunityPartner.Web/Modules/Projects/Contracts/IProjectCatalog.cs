namespace CommunityPartner.Web.Modules.Projects.Contracts;

/// <summary>What other modules (roadshows, cooperation, the bill) may know of a project.</summary>
public sealed record ProjectBrief(Guid Id, Guid CommunityId, string Title, string Summary, string StatusCode, string StatusKey, bool IsPublic, Guid? CoverPhotoId)
{
    public string Link => $"/projects/{Id}";
}

/// <summary>Reads projects for other modules. Drafts are never returned to them: only what the public may see.</summary>
public interface IProjectCatalog
{
    Task<IReadOnlyList<ProjectBrief>> FindAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken ct);

    /// <summary>Published projects that can still be pitched (recruiting, matched, in progress), optionally of one community.</summary>
    Task<IReadOnlyList<ProjectBrief>> ListPitchableAsync(Guid? communityId, CancellationToken ct);
}
