namespace CommunityPartner.Web.Modules.Points.Ledger;

public enum TransferKind
{
    Award = 0,
    Dropoff = 1,

    /// <summary>Held → merchant when the merchant confirms a redemption code.</summary>
    Redemption = 2,

    /// <summary>Held → resident when a redemption is cancelled or expires unconfirmed.</summary>
    Refund = 3,

    /// <summary>Resident → pool when points expire.</summary>
    Expiry = 4,

    /// <summary>Any direction; needs a reason. The only way to undo a mistake.</summary>
    Correction = 5,

    /// <summary>Resident → held when a redemption code is issued.</summary>
    Hold = 6,
}

/// <summary>
/// One movement of whole points between two accounts. Append-only: the code has no path that edits or deletes a
/// transfer; a mistake is undone by a <see cref="TransferKind.Correction"/> with a reason.
/// </summary>
public sealed class PointsTransfer
{
    public const int ReasonMax = 200;
    public const int KeyMax = 120;

    private PointsTransfer()
    {
    }

    /// <summary>Ascending insertion order: the passbook's keyset cursor.</summary>
    public long Id { get; private set; }

    public Guid FromAccountId { get; private set; }

    public Guid ToAccountId { get; private set; }

    public long Amount { get; private set; }

    public TransferKind Kind { get; private set; }

    /// <summary>What caused it: "redemption", "award", "correction"…</summary>
    public string ReferenceType { get; private set; } = "";

    public string ReferenceId { get; private set; } = "";

    public Guid? ActorId { get; private set; }

    public DateTime At { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Unique: a retried request finds the transfer its first attempt wrote.</summary>
    public string IdempotencyKey { get; private set; } = "";

    /// <summary>SHA-256 of the request that wrote it, to tell a retry from a reuse of the key for something else.</summary>
    public string RequestHash { get; private set; } = "";

    internal static PointsTransfer Create(TransferOrder order, DateTime now) => new()
    {
        FromAccountId = order.From,
        ToAccountId = order.To,
        Amount = order.Amount,
        Kind = order.Kind,
        ReferenceType = order.ReferenceType,
        ReferenceId = order.ReferenceId,
        ActorId = order.ActorId,
        Reason = order.Reason,
        IdempotencyKey = order.IdempotencyKey,
        RequestHash = order.RequestHash,
        At = now,
    };
}
