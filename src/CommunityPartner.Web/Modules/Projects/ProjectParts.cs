namespace CommunityPartner.Web.Modules.Projects;

/// <summary>
/// One line of what a project asks for (资源需求): funding in yuan, a technical service (hours and an estimated value)
/// or an organisational resource (an estimated value). Offers and cooperation intents point at these lines.
/// </summary>
public sealed class ResourceNeed
{
    public const int TitleMax = 100;
    public const int MaxHours = 100_000;

    private ResourceNeed()
    {
    }

    internal ResourceNeed(Guid id, Guid projectId)
    {
        Id = id;
        ProjectId = projectId;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public ResourceKind Kind { get; private set; }

    /// <summary>What is asked for: "智能回收设备的安装调试", "场地", "志愿者 20 人次"…</summary>
    public string Title { get; private set; } = "";

    /// <summary>Hours of a technical service; null for funding and resources.</summary>
    public int? Hours { get; private set; }

    /// <summary>The amount for funding; the estimated value for a service or resource. Whole yuan.</summary>
    public long Yuan { get; private set; }

    /// <summary>A key ask: the project counts as matched only when every key ask is covered.</summary>
    public bool IsKey { get; private set; }

    public int SortOrder { get; private set; }

    internal void Set(ResourceKind kind, string title, int? hours, long yuan, bool isKey, int sortOrder)
    {
        Kind = kind;
        Title = title;
        Hours = kind == ResourceKind.TechnicalService ? hours : null;
        Yuan = yuan;
        IsKey = isKey;
        SortOrder = sortOrder;
    }
}

/// <summary>A planned step of a project, with the day it was reached.</summary>
public sealed class ProjectMilestone
{
    public const int TitleMax = 60;
    public const int NoteMax = 500;

    private ProjectMilestone()
    {
    }

    internal ProjectMilestone(Guid id, Guid projectId, string title, DateOnly plannedOn, int sortOrder)
    {
        Id = id;
        ProjectId = projectId;
        Title = title;
        PlannedOn = plannedOn;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly PlannedOn { get; private set; }

    public DateOnly? ReachedOn { get; private set; }

    public string? Note { get; private set; }

    public int SortOrder { get; private set; }

    internal void Reach(DateOnly reachedOn, string? note)
    {
        ReachedOn = reachedOn;
        Note = note;
    }
}

/// <summary>A need the project answers. The row stays when the link ends, so the project's story keeps it.</summary>
public sealed class ProjectNeed
{
    private ProjectNeed()
    {
    }

    internal ProjectNeed(Guid projectId, Guid needId, DateTime linkedAt)
    {
        ProjectId = projectId;
        NeedId = needId;
        LinkedAt = linkedAt;
    }

    public long Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid NeedId { get; private set; }

    public DateTime LinkedAt { get; private set; }

    public DateTime? UnlinkedAt { get; private set; }

    internal void Unlink(DateTime now) => UnlinkedAt = now;
}

/// <summary>A progress update (进展): text and up to three photos.</summary>
public sealed class ProjectUpdate
{
    public const int TextMax = 2000;
    public const int MaxPhotos = 3;

    private ProjectUpdate()
    {
    }

    public ProjectUpdate(Guid id, Guid projectId, string text, Guid authorId, DateTime at)
    {
        Id = id;
        ProjectId = projectId;
        Text = text;
        AuthorId = authorId;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string Text { get; private set; } = "";

    public Guid AuthorId { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>A photo of a project: its cover or one attached to an update. Stored outside wwwroot, re-encoded.</summary>
public sealed class ProjectPhoto
{
    private ProjectPhoto()
    {
    }

    public ProjectPhoto(Guid id, Guid projectId, Guid? updateId, ProjectPhotoKind kind, string contentType, long length, int width, int height, DateTime at)
    {
        Id = id;
        ProjectId = projectId;
        UpdateId = updateId;
        Kind = kind;
        ContentType = contentType;
        Length = length;
        Width = width;
        Height = height;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid? UpdateId { get; private set; }

    public ProjectPhotoKind Kind { get; private set; }

    public string ContentType { get; private set; } = "";

    public long Length { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public DateTime At { get; private set; }

    public string StoragePath => Path.Combine("projects", ProjectId.ToString("N"), Id.ToString("N") + Platform.Web.PhotoUploads.ExtensionOf(ContentType));
}

/// <summary>One line of a project's public story.</summary>
public sealed class ProjectEvent
{
    private ProjectEvent()
    {
    }

    public ProjectEvent(Guid projectId, ProjectEventKind kind, Guid? actorId, string? text, DateTime at)
    {
        ProjectId = projectId;
        Kind = kind;
        ActorId = actorId;
        Text = text;
        At = at;
    }

    public long Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public ProjectEventKind Kind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? Text { get; private set; }

    public DateTime At { get; private set; }
}
