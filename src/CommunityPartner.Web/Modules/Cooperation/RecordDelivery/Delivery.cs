using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Cooperation.RecordDelivery;

public enum DeliveryStatus
{
    Recorded = 0,
    Confirmed = 1,
    Disputed = 2,
}

/// <summary>
/// A delivery (兑现) recorded by a member of the partner against one line of the intent's signed version: money
/// received (yuan), hours given (service lines, with an optional estimated value) or a resource handed over (its
/// estimated value). The project's community confirms or disputes it (with a reason); a disputed delivery stays as it
/// is and the partner records a new one. Only confirmed deliveries count as delivered.
/// </summary>
public sealed class Delivery
{
    public const int NoteMax = 500;
    public const int ReasonMax = 500;

    private Delivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid IntentId { get; private set; }

    public Guid LineId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid CommunityId { get; private set; }

    public Guid PartnerId { get; private set; }

    /// <summary>The ask the line points at (copied from the line), null for "other".</summary>
    public Guid? NeedId { get; private set; }

    public OfferLineKind Kind { get; private set; }

    /// <summary>Money received, or the estimated value of hours or a resource.</summary>
    public long Yuan { get; private set; }

    public int? Hours { get; private set; }

    public string Note { get; private set; } = "";

    public Guid RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DisputeReason { get; private set; }

    public int Version { get; private set; }

    /// <summary>An optional photo of what was handed over (re-encoded, stored outside wwwroot); null when none.</summary>
    public Guid? PhotoId { get; private set; }

    public string? PhotoContentType { get; private set; }

    /// <summary>Where the photo's file lives in the file store.</summary>
    public string? PhotoPath => PhotoId is { } id
        ? Path.Combine("deliveries", IntentId.ToString("N"), id.ToString("N") + Platform.Web.PhotoUploads.ExtensionOf(PhotoContentType ?? ""))
        : null;

    /// <summary>Records a delivery; the caller has checked the amounts and that the line belongs to the signed version.</summary>
    public static Delivery Record(CooperationIntent intent, IntentLine line, long yuan, int? hours, string note, Guid memberId, DateTime now, string? photoContentType = null)
    {
        Require(intent.IsSigned && !intent.IsVoid, "合作意向尚未签署，不能登记兑现");
        Require(intent.SignedVersion!.Lines.Any(l => l.Id == line.Id), "只能对已签署版本的出力内容登记兑现");
        Require(note.Length is > 0 and <= NoteMax, "请填写兑现说明（不超过 {0} 个字）", NoteMax);
        return new Delivery
        {
            Id = Guid.NewGuid(),
            IntentId = intent.Id,
            LineId = line.Id,
            ProjectId = intent.ProjectId,
            CommunityId = intent.CommunityId,
            PartnerId = intent.PartnerId,
            NeedId = line.NeedId,
            Kind = line.Kind,
            Yuan = yuan,
            Hours = line.Kind == OfferLineKind.Service ? hours : null,
            Note = note,
            RecordedById = memberId,
            RecordedAt = now,
            Status = DeliveryStatus.Recorded,
            PhotoId = photoContentType is null ? null : Guid.NewGuid(),
            PhotoContentType = photoContentType,
        };
    }

    public void Confirm(Guid staffId, DateTime now)
    {
        Require(Status == DeliveryStatus.Recorded, "这笔兑现已经确认或提出异议，不能再确认");
        Status = DeliveryStatus.Confirmed;
        DecidedById = staffId;
        DecidedAt = now;
        Version++;
    }

    public void Dispute(string reason, Guid staffId, DateTime now)
    {
        Require(Status == DeliveryStatus.Recorded, "这笔兑现已经确认或提出异议，不能再提出异议");
        Require(reason.Length is > 0 and <= ReasonMax, "请写明异议理由（不超过 {0} 个字）", ReasonMax);
        Status = DeliveryStatus.Disputed;
        DisputeReason = reason;
        DecidedById = staffId;
        DecidedAt = now;
        Version++;
    }

    public object Snapshot() => new { LineId, Kind, Yuan, Hours, Note, PhotoId, Status, DecidedById, DisputeReason, Version };
}
