using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <summary>
/// A cooperation intent (合作意向), made when the community accepts an offer. Its terms live in numbered versions: both
/// sides confirm a version (who, when) and it is signed; a signed version never changes, but a new version can be
/// proposed, which both sides confirm again. Lines keep their own ids, so deliveries can point at them later.
/// </summary>
public sealed class CooperationIntent
{
    private readonly List<IntentVersion> _versions = [];

    private CooperationIntent()
    {
    }

    public Guid Id { get; private set; }

    public Guid OfferId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid CommunityId { get; private set; }

    public Guid PartnerId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The newest version, the one open to confirmation.</summary>
    public int CurrentNumber { get; private set; }

    /// <summary>The newest signed version; null until both sides first confirm.</summary>
    public int? SignedNumber { get; private set; }

    /// <summary>The offer was withdrawn before signing: nothing more can be confirmed.</summary>
    public bool IsVoid { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<IntentVersion> Versions => _versions;

    public bool IsSigned => SignedNumber is not null;

    public IntentVersion Current => _versions.Single(v => v.Number == CurrentNumber);

    public IntentVersion? SignedVersion => SignedNumber is { } n ? _versions.Single(v => v.Number == n) : null;

    /// <summary>The community accepts an offer: its lines are frozen as version 1.</summary>
    public static CooperationIntent FromOffer(Offer offer, Guid staffId, DateTime now)
    {
        Require(offer.Status == OfferStatus.Accepted, "只有已接受的出力方案才能生成合作意向");
        var intent = new CooperationIntent
        {
            Id = Guid.NewGuid(),
            OfferId = offer.Id,
            ProjectId = offer.ProjectId,
            CommunityId = offer.CommunityId,
            PartnerId = offer.PartnerId,
            CreatedAt = now,
        };
        intent.AddVersion(offer.LineDrafts(), offer.DueOn, staffId, now);
        return intent;
    }

    /// <summary>
    /// One side confirms the current version. A partner member confirms only for a verified partner. When both sides
    /// have confirmed, the version is signed; the answer says whether this confirmation signed it.
    /// </summary>
    public bool Confirm(OfferSide side, Guid userId, bool partnerVerified, DateTime now)
    {
        Require(!IsVoid, "出力方案已撤回，合作意向不能再确认");
        var version = Current;
        Require(version.SignedAt is null, "这一版合作意向已经签署，不能再修改");
        Require(side != OfferSide.Partner || partnerVerified, "合伙人尚未通过新区认证，不能签署合作意向");
        version.Confirm(side, userId, now);
        Version++;
        if (version.PartnerConfirmedAt is null || version.CommunityConfirmedAt is null)
        {
            return false;
        }

        version.Sign(now);
        SignedNumber = version.Number;
        return true;
    }

    /// <summary>Either side proposes new terms; confirmations start over for the new version, old versions stay readable.</summary>
    /// <param name="dueOn">The new version's due date; null keeps the current version's.</param>
    public IntentVersion ProposeVersion(IReadOnlyList<OfferLineDraft> lines, Guid userId, DateTime now, DateOnly? dueOn = null)
    {
        Require(!IsVoid, "出力方案已撤回，合作意向不能再修改");
        Require(lines.Count > 0, "请至少填写一项出力内容");
        return AddVersion(lines, dueOn ?? Current.DueOn, userId, now);
    }

    /// <summary>
    /// Overdue (逾期未兑现): the signed version's due date has passed (district date) and some of its lines is not
    /// delivered — <paramref name="delivered"/> says, per line, whether confirmed deliveries fulfil it.
    /// </summary>
    public bool IsOverdue(DateOnly today, Func<IntentLine, bool> delivered) =>
        !IsVoid && SignedVersion is { DueOn: { } due } signed && due < today && !signed.Lines.All(delivered);

    /// <summary>Both sides have been told that the signed version is overdue; they are told once per version.</summary>
    public void MarkOverdueNotified(DateTime now)
    {
        var signed = SignedVersion;
        Require(signed is not null, "合作意向尚未签署");
        Require(signed!.OverdueNotifiedAt is null, "已经提醒过这一版合作意向逾期未兑现");
        signed.OverdueNotifiedAt = now;
        Version++;
    }

    public void MarkVoid()
    {
        Require(!IsSigned, "合作意向已经签署，出力方案不能再撤回");
        IsVoid = true;
        Version++;
    }

    public object Snapshot() => new
    {
        CurrentNumber,
        SignedNumber,
        IsVoid,
        Current = new
        {
            Lines = OfferLineDraft.Summary(Current.LineDrafts()),
            Current.DueOn,
            SignedOverdueNotifiedAt = SignedVersion?.OverdueNotifiedAt,
            Current.PartnerConfirmedById,
            Current.CommunityConfirmedById,
            Current.SignedAt,
        },
        Version,
    };

    private IntentVersion AddVersion(IReadOnlyList<OfferLineDraft> lines, DateOnly? dueOn, Guid userId, DateTime now)
    {
        Require(lines.Count <= Offer.MaxLines, "出力内容最多 {0} 项", Offer.MaxLines);
        CurrentNumber++;
        var version = new IntentVersion(Guid.NewGuid(), Id, CurrentNumber, lines, dueOn, userId, now);
        _versions.Add(version);
        Version++;
        return version;
    }
}

/// <summary>One version of an intent's terms, with each side's confirmation.</summary>
public sealed class IntentVersion
{
    private readonly List<IntentLine> _lines = [];

    private IntentVersion()
    {
    }

    internal IntentVersion(Guid id, Guid intentId, int number, IReadOnlyList<OfferLineDraft> lines, DateOnly? dueOn, Guid proposedById, DateTime now)
    {
        Id = id;
        DueOn = dueOn;
        IntentId = intentId;
        Number = number;
        ProposedById = proposedById;
        CreatedAt = now;
        var order = 1;
        foreach (var line in lines)
        {
            _lines.Add(new IntentLine(Guid.NewGuid(), id, line, order++));
        }
    }

    public Guid Id { get; private set; }

    public Guid IntentId { get; private set; }

    public int Number { get; private set; }

    public Guid ProposedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid? PartnerConfirmedById { get; private set; }

    public DateTime? PartnerConfirmedAt { get; private set; }

    public Guid? CommunityConfirmedById { get; private set; }

    public DateTime? CommunityConfirmedAt { get; private set; }

    public DateTime? SignedAt { get; private set; }

    /// <summary>兑现期限 frozen from the offer (or proposed with this version), a district date; null for versions made before due dates existed (never overdue).</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>When both sides were told this signed version is overdue; set once, so they are told once.</summary>
    public DateTime? OverdueNotifiedAt { get; internal set; }

    public IReadOnlyList<IntentLine> Lines => _lines;

    public IReadOnlyList<OfferLineDraft> LineDrafts() =>
        [.. _lines.OrderBy(l => l.SortOrder).Select(l => new OfferLineDraft(l.Kind, l.What, l.Hours, l.Yuan, l.NeedId))];

    internal void Confirm(OfferSide side, Guid userId, DateTime now)
    {
        if (side == OfferSide.Partner)
        {
            Require(PartnerConfirmedAt is null, "合伙人一方已经确认过这一版");
            PartnerConfirmedById = userId;
            PartnerConfirmedAt = now;
        }
        else
        {
            Require(CommunityConfirmedAt is null, "社区一方已经确认过这一版");
            CommunityConfirmedById = userId;
            CommunityConfirmedAt = now;
        }
    }

    internal void Sign(DateTime now) => SignedAt = now;
}

/// <summary>A line of an intent version. Addressable by id: deliveries will be recorded against it.</summary>
public sealed class IntentLine
{
    private IntentLine()
    {
    }

    internal IntentLine(Guid id, Guid versionId, OfferLineDraft draft, int sortOrder)
    {
        Id = id;
        VersionId = versionId;
        Kind = draft.Kind;
        What = draft.What;
        Hours = draft.Hours;
        Yuan = draft.Yuan;
        NeedId = draft.NeedId;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid VersionId { get; private set; }

    public OfferLineKind Kind { get; private set; }

    public string What { get; private set; } = "";

    public int? Hours { get; private set; }

    public long Yuan { get; private set; }

    public Guid? NeedId { get; private set; }

    public int SortOrder { get; private set; }
}
