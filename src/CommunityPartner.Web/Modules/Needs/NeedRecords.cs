namespace CommunityPartner.Web.Modules.Needs;

/// <summary>A resident's support (附议). One per resident and need, enforced by the primary key.</summary>
public sealed class NeedSupport
{
    private NeedSupport()
    {
    }

    public NeedSupport(Guid needId, Guid userId, DateTime at)
    {
        NeedId = needId;
        UserId = userId;
        At = at;
    }

    public Guid NeedId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>
/// The raiser's rating of one resolution. A need reopened after 不满意 and resolved again is rated again, so the
/// round (the need's reopen count at the time) is part of the key: once per round, never twice.
/// </summary>
public sealed class NeedRating
{
    public const int CommentMax = 500;

    private NeedRating()
    {
    }

    public NeedRating(Guid needId, int round, Guid raterId, Satisfaction satisfaction, string? comment, DateTime at)
    {
        NeedId = needId;
        Round = round;
        RaterId = raterId;
        Satisfaction = satisfaction;
        Comment = comment;
        At = at;
    }

    public long Id { get; private set; }

    public Guid NeedId { get; private set; }

    public int Round { get; private set; }

    public Guid RaterId { get; private set; }

    public Satisfaction Satisfaction { get; private set; }

    public string? Comment { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>A photo attached to a need; the file lives outside wwwroot and is served by an authorizing handler.</summary>
public sealed class NeedPhoto
{
    private NeedPhoto()
    {
    }

    public NeedPhoto(Guid id, Guid needId, string contentType, long length, int width, int height, DateTime at)
    {
        Id = id;
        NeedId = needId;
        ContentType = contentType;
        Length = length;
        Width = width;
        Height = height;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid NeedId { get; private set; }

    public string ContentType { get; private set; } = "";

    public long Length { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public DateTime At { get; private set; }
}
