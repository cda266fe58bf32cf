namespace CommunityPartner.Web.Modules.Needs.Contracts;

/// <summary>What other modules may know of a need: enough to list it, link to it and tell whether it is still open.</summary>
public sealed record NeedBrief(Guid Id, Guid CommunityId, string Title, string StatusCode, string StatusKey, bool IsOpen, Guid? ProjectId, int SupportCount, DateTime SubmittedAt);

/// <summary>A project as the needs module names it on a timeline and in a notification.</summary>
public sealed record ProjectRef(Guid Id, string Title)
{
    public string Link => $"/projects/{Id}";
}

/// <summary>A need category other modules may file things under (projects use the need categories).</summary>
public sealed record CategoryBrief(Guid Id, string Code, string Name, string NameEn, bool IsActive)
{
    public string DisplayName => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : Name;
}

/// <summary>
/// How a community project takes needs on, lets them go, and answers them. Every write joins the caller's unit of
/// work: nothing is saved until the caller saves, so a project and its needs change together or not at all. The need
/// entity still decides each move; an illegal one throws <see cref="Platform.Web.DomainException"/>.
/// </summary>
public interface INeedLinks
{
    Task<IReadOnlyList<NeedBrief>> FindAsync(IReadOnlyCollection<Guid> needIds, CancellationToken ct);

    /// <summary>Open needs of a community that no project has taken on yet, most supported first.</summary>
    Task<IReadOnlyList<NeedBrief>> ListLinkableAsync(Guid communityId, int limit, CancellationToken ct);

    Task<IReadOnlyList<CategoryBrief>> CategoriesAsync(CancellationToken ct);

    /// <summary>The raisers and supporters of these needs, each once: the people a project reports its progress to.</summary>
    Task<IReadOnlyList<Guid>> FollowersAsync(IReadOnlyCollection<Guid> needIds, CancellationToken ct);

    /// <summary>Moves each need to in progress under the project, on its timeline, and tells its raiser and supporters.</summary>
    Task LinkAsync(IReadOnlyCollection<Guid> needIds, ProjectRef project, Guid staffId, CancellationToken ct);

    /// <summary>Returns each need to the community's queue (responded) with a timeline entry; followers are told.</summary>
    Task UnlinkAsync(IReadOnlyCollection<Guid> needIds, ProjectRef project, Guid staffId, CancellationToken ct);

    /// <summary>Resolves each still-open need with the project as the answer and asks its raiser to rate it.</summary>
    Task ResolveAsync(IReadOnlyCollection<Guid> needIds, ProjectRef project, Guid staffId, string whatWasDone, CancellationToken ct);
}
