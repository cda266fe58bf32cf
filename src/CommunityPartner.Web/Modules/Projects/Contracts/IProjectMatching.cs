namespace CommunityPartner.Web.Modules.Projects.Contracts;

/// <summary>One line of what a public project asks for, as other modules see it. Kind: funding, service or resource.</summary>
public sealed record ProjectAsk(Guid Id, string Kind, string KindKey, string Title, int? Hours, long Yuan, bool IsKey);

public sealed record ProjectWithAsks(ProjectBrief Brief, IReadOnlyList<ProjectAsk> Asks);

/// <summary>
/// The cooperation module's view of a project's asks, and its one write: marking the project matched once its key asks
/// are covered. Like the needs contract (ADR 0007) the write is audited and joins the caller's unit of work unsaved.
/// </summary>
public interface IProjectMatching
{
    /// <summary>A public project with its asks in order; null for a draft or an unknown id.</summary>
    Task<ProjectWithAsks?> FindWithAsksAsync(Guid projectId, CancellationToken ct);

    /// <summary>Every project recruiting partners now, with its asks in order (newest published first, then by id).</summary>
    Task<IReadOnlyList<ProjectWithAsks>> ListRecruitingAsync(CancellationToken ct);

    /// <summary>Moves the project to matched (the entity guards it: DomainException when not recruiting). Does not save.</summary>
    Task MarkMatchedAsync(Guid projectId, Guid staffId, CancellationToken ct);
}
