namespace CommunityPartner.Web.Modules.Points.Ledger;

/// <summary>Who an account belongs to. The owner id is a user id, a partner id or a community id.</summary>
public enum AccountKind
{
    /// <summary>A resident's spendable points; owner = user id.</summary>
    Resident = 0,

    /// <summary>A merchant partner's earned points; owner = partner id.</summary>
    Merchant = 1,

    /// <summary>A community's issuing pool; owner = community id. The only account that may go below zero.</summary>
    CommunityPool = 2,

    /// <summary>A resident's points held by pending redemptions; owner = user id.</summary>
    Held = 3,
}

/// <summary>
/// One account of the ledger. Its balance is changed only by <see cref="PointsLedger"/>, by a guarded SQL update in the
/// same transaction as the transfer it belongs to; the database's CHECK keeps every non-pool balance at zero or more.
/// </summary>
public sealed class PointsAccount
{
    private PointsAccount()
    {
    }

    public Guid Id { get; private set; }

    public AccountKind Kind { get; private set; }

    public Guid OwnerId { get; private set; }

    public long Balance { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static PointsAccount Open(AccountKind kind, Guid ownerId, DateTime now) =>
        new() { Id = Guid.NewGuid(), Kind = kind, OwnerId = ownerId, CreatedAt = now };
}
