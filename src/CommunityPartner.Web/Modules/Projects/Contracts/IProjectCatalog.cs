namespace CommunityPartner.Web.Modules.Projects.Contracts;

/// <summary>What other modules (roadshows, cooperation, the bill) may know of a project.</summary>
public sealed record ProjectBrief(Guid Id, Guid CommunityId, string Title, string Summary, string StatusCode, string StatusKey, bool IsPublic, Guid? CoverPhotoId)
{
    public string Link => $"/projects/{Id}";
}

/// <summary>A published project with the dates accounts of what got done (the happiness bill) count by.</summary>
/// <param name="Operating">In 运营中 now (the project went on running after completion).</param>
public sealed record ProjectFact(Guid Id, Guid CommunityId, string Title, string StatusCode, string StatusKey, DateTime? CompletedAt, DateTime? OperatingSince, bool Operating)
{
    public string Link => $"/projects/{Id}";
}

/// <summary>Reads projects for other modules. Drafts are never returned to them: only what the public may see.</summary>
public interface IProjectCatalog
{
    Task<IReadOnlyList<ProjectBrief>> FindAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken ct);

    /// <summary>Published projects that can still be pitched (recruiting, matched, in progress), optionally of one community.</summary>
    Task<IReadOnlyList<ProjectBrief>> ListPitchableAsync(Guid? communityId, CancellationToken ct);

    /// <summary>Every published project (drafts never), of one community or all, completed or not.</summary>
    Task<IReadOnlyList<ProjectFact>> FactsAsync(Guid? communityId, CancellationToken ct);
}
