using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Cooperation;

public enum OfferStatus
{
    Draft = 0,
    Negotiating = 1,
    Accepted = 2,
    Declined = 3,
    Withdrawn = 4,

    /// <summary>Its cooperation intent is signed by both sides.</summary>
    IntentSigned = 5,
}

/// <summary>Which side of a negotiation wrote a message; System for amendments the platform records.</summary>
public enum OfferSide
{
    Partner = 0,
    Community = 1,
    System = 2,
}

/// <summary>
/// A partner's offer of help to a recruiting project (出力): lines of money, service hours or resources, each pointing
/// at one of the project's asks or at "other". Draft → negotiating → accepted → signed, or declined / withdrawn.
/// The entity guards every move; <see cref="Version"/> makes two people acting at once fail for one of them.
/// </summary>
public sealed class Offer
{
    public const int MaxLines = 20;
    public const int MessageMax = 1000;
    public const int ReasonMax = 500;

    /// <summary>Days after the offer its pledge is due when the partner gives no due date.</summary>
    public const int DefaultDueDays = 90;

    /// <summary>A due date at most this many years ahead.</summary>
    public const int MaxDueYears = 3;

    private readonly List<OfferLine> _lines = [];
    private readonly List<OfferMessage> _messages = [];

    private Offer()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The project's community, kept here so staff lists and scope checks need no join across modules.</summary>
    public Guid CommunityId { get; private set; }

    public Guid PartnerId { get; private set; }

    public Guid CreatedById { get; private set; }

    public OfferStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public DateTime? SignedAt { get; private set; }

    /// <summary>
    /// 兑现期限: the district date by which the partner means to have delivered; frozen into each intent version. Null
    /// only for offers made before due dates existed.
    /// </summary>
    public DateOnly? DueOn { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<OfferLine> Lines => _lines;

    public IReadOnlyList<OfferMessage> Messages => _messages;

    /// <summary>A draft from a roadshow interest: only the project link; the partner adds lines and submits.</summary>
    public static Offer Draft(Guid projectId, Guid communityId, Guid partnerId, Guid userId, DateTime now) => new()
    {
        DueOn = DefaultDueOn(now),
        Id = Guid.NewGuid(),
        ProjectId = projectId,
        CommunityId = communityId,
        PartnerId = partnerId,
        CreatedById = userId,
        Status = OfferStatus.Draft,
        CreatedAt = now,
    };

    /// <summary>An offer made and submitted at once, with an optional first message.</summary>
    public static Offer Make(Guid projectId, Guid communityId, Guid partnerId, Guid userId, IReadOnlyList<OfferLineDraft> lines, DateOnly? dueOn, string? message, DateTime now)
    {
        var offer = Draft(projectId, communityId, partnerId, userId, now);
        offer.SetLines(lines);
        offer.SetDueOn(dueOn ?? DefaultDueOn(now), now);
        offer.Submit(userId, now);
        if (!string.IsNullOrEmpty(message))
        {
            offer.Post(userId, OfferSide.Partner, message, now);
        }

        return offer;
    }

    public void Submit(Guid userId, DateTime now)
    {
        Require(Status == OfferStatus.Draft, "只有草稿才能提交");
        Require(_lines.Count > 0, "请至少填写一项出力内容");
        Status = OfferStatus.Negotiating;
        SubmittedAt = now;
        CreatedById = CreatedById == Guid.Empty ? userId : CreatedById;
        Version++;
    }

    /// <summary>Either side changes the lines while negotiating (the partner alone while drafting); the thread shows old → new.</summary>
    /// <param name="dueOn">A new due date (兑现期限); null keeps the one agreed so far.</param>
    public void Amend(IReadOnlyList<OfferLineDraft> lines, Guid userId, OfferSide side, DateTime now, DateOnly? dueOn = null)
    {
        Require(Status == OfferStatus.Negotiating || (Status == OfferStatus.Draft && side == OfferSide.Partner), "只有协商中的出力方案才能修改");
        Require(lines.Count > 0, "请至少填写一项出力内容");
        var before = OfferLineDraft.Summary(LineDrafts());
        var change = "";
        if (dueOn is { } due && due != DueOn)
        {
            change = string.Format(System.Globalization.CultureInfo.InvariantCulture, "；兑现期限 {0} → {1}", DueOn is { } old ? DueText(old) : "-", DueText(due));
            SetDueOn(due, now);
        }

        SetLines(lines);
        if (Status == OfferStatus.Negotiating)
        {
            _messages.Add(new OfferMessage(Id, userId, OfferSide.System, $"{before} → {OfferLineDraft.Summary(LineDrafts())}{change}", now));
        }

        Version++;
    }

    public void Post(Guid userId, OfferSide side, string text, DateTime now)
    {
        Require(Status is OfferStatus.Negotiating or OfferStatus.Accepted, "出力方案已结束，不能再留言");
        _messages.Add(new OfferMessage(Id, userId, side, text, now));
        Version++;
    }

    public void Accept(Guid staffId, DateTime now)
    {
        Require(Status == OfferStatus.Negotiating, "只有协商中的出力方案才能接受");
        Status = OfferStatus.Accepted;
        DecidedAt = now;
        DecidedById = staffId;
        Version++;
    }

    public void Decline(Guid staffId, string reason, DateTime now)
    {
        Require(Status == OfferStatus.Negotiating, "只有协商中的出力方案才能婉拒");
        Require(reason.Length > 0, "请写明婉拒的理由");
        Status = OfferStatus.Declined;
        DeclineReason = reason;
        DecidedAt = now;
        DecidedById = staffId;
        Version++;
    }

    /// <summary>The partner takes the offer back, any time before the intent is signed.</summary>
    public void Withdraw(DateTime now)
    {
        Require(Status is OfferStatus.Draft or OfferStatus.Negotiating or OfferStatus.Accepted, "只有签署前的出力方案才能撤回");
        Status = OfferStatus.Withdrawn;
        WithdrawnAt = now;
        Version++;
    }

    /// <summary>Both sides confirmed the cooperation intent made from this offer.</summary>
    public void MarkSigned(DateTime now)
    {
        Require(Status is OfferStatus.Accepted or OfferStatus.IntentSigned, "只有已接受的出力方案才能签署");
        if (Status == OfferStatus.Accepted)
        {
            Status = OfferStatus.IntentSigned;
            SignedAt = now;
            Version++;
        }
    }

    /// <summary>The default due date: <see cref="DefaultDueDays"/> days after <paramref name="now"/>, in district time.</summary>
    public static DateOnly DefaultDueOn(DateTime now) => Today(now).AddDays(DefaultDueDays);

    /// <summary>The district's date at <paramref name="now"/> (UTC).</summary>
    public static DateOnly Today(DateTime now) => DateOnly.FromDateTime(Platform.Time.DistrictTime.Of(now));

    /// <summary>"2027-03-01" — how due dates are written in the thread, lists and pages.</summary>
    public static string DueText(DateOnly dueOn) => dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<OfferLineDraft> LineDrafts() =>
        [.. _lines.OrderBy(l => l.SortOrder).Select(l => new OfferLineDraft(l.Kind, l.What, l.Hours, l.Yuan, l.NeedId))];

    public object Snapshot() => new
    {
        Status,
        PartnerId,
        ProjectId,
        Lines = OfferLineDraft.Summary(LineDrafts()),
        DueOn,
        DeclineReason,
        Version,
    };

    private void SetDueOn(DateOnly dueOn, DateTime now)
    {
        var today = Today(now);
        Require(dueOn >= today, "兑现期限不能早于今天");
        Require(dueOn <= today.AddYears(MaxDueYears), "兑现期限最多定在 {0} 年之内", MaxDueYears);
        DueOn = dueOn;
    }

    private void SetLines(IReadOnlyList<OfferLineDraft> lines)
    {
        Require(lines.Count <= MaxLines, "出力内容最多 {0} 项", MaxLines);
        _lines.Clear();
        var order = 1;
        foreach (var line in lines)
        {
            _lines.Add(new OfferLine(Guid.NewGuid(), Id, line, order++));
        }
    }
}

/// <summary>One line of an offer: money, hours of a service or a resource, pointing at one of the project's asks or at none ("other").</summary>
public sealed class OfferLine
{
    private OfferLine()
    {
    }

    internal OfferLine(Guid id, Guid offerId, OfferLineDraft draft, int sortOrder)
    {
        Id = id;
        OfferId = offerId;
        Kind = draft.Kind;
        What = draft.What;
        Hours = draft.Hours;
        Yuan = draft.Yuan;
        NeedId = draft.NeedId;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid OfferId { get; private set; }

    public OfferLineKind Kind { get; private set; }

    public string What { get; private set; } = "";

    public int? Hours { get; private set; }

    public long Yuan { get; private set; }

    /// <summary>The project's ResourceNeed this line answers; null for "other".</summary>
    public Guid? NeedId { get; private set; }

    public int SortOrder { get; private set; }
}

/// <summary>One message of the negotiation thread.</summary>
public sealed class OfferMessage
{
    private OfferMessage()
    {
    }

    internal OfferMessage(Guid offerId, Guid authorId, OfferSide side, string text, DateTime at)
    {
        OfferId = offerId;
        AuthorId = authorId;
        Side = side;
        Text = text;
        At = at;
    }

    public long Id { get; private set; }

    public Guid OfferId { get; private set; }

    public Guid AuthorId { get; private set; }

    public OfferSide Side { get; private set; }

    public string Text { get; private set; } = "";

    public DateTime At { get; private set; }
}
