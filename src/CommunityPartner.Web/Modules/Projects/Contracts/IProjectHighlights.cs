namespace CommunityPartner.Web.Modules.Projects.Contracts;

/// <summary>A photo of a project, at its public address.</summary>
public sealed record HighlightPhoto(Guid Id, string Url);

/// <summary>
/// A completed project as a highlight of what got done: its before photo (the cover, taken when the project was set
/// up), its after photos (those of the latest progress update posted at or after completion, at most three) and the
/// needs it answered (linked and not unlinked). Photos are null / empty when the project has none.
/// </summary>
public sealed record ProjectHighlight(
    Guid Id, Guid CommunityId, string Title, string Summary, DateTime CompletedAt, HighlightPhoto? Before, IReadOnlyList<HighlightPhoto> After, IReadOnlyList<Guid> NeedIds)
{
    public string Link => $"/projects/{Id}";
}

public interface IProjectHighlights
{
    /// <summary>The completed, published projects among these ids, in the order given (drafts and unfinished ones are left out).</summary>
    Task<IReadOnlyList<ProjectHighlight>> FindAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken ct);
}
