using System.Security.Cryptography;

namespace CommunityPartner.Web.Modules.Points.Spending;

public enum RedemptionStatus
{
    /// <summary>Points held, stock reserved, waiting for the merchant at the counter.</summary>
    Pending = 0,
    Confirmed = 1,
    Cancelled = 2,
    Expired = 3,
}

/// <summary>
/// A resident's redemption of one item, identified at the counter by a short code. It leaves Pending exactly once —
/// by a guarded status update (<c>WHERE Status = Pending</c>) in the same transaction as the transfer that settles it.
/// </summary>
public sealed class Redemption
{
    public const int CodeLength = 8;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private Redemption()
    {
    }

    /// <summary>How long an unconfirmed code holds the points and the stock.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(24);

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public Guid ItemId { get; private set; }

    public Guid PartnerId { get; private set; }

    public Guid ResidentId { get; private set; }

    public long Points { get; private set; }

    public RedemptionStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public Guid? ClosedById { get; private set; }

    public static Redemption Start(Guid id, MerchantItem item, Guid residentId, DateTime now) => new()
    {
        Id = id,
        Code = NewCode(),
        ItemId = item.Id,
        PartnerId = item.PartnerId,
        ResidentId = residentId,
        Points = item.PointsPrice,
        Status = RedemptionStatus.Pending,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public static string NewCode() =>
        string.Create(CodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    public static string StatusKey(RedemptionStatus status) => status switch
    {
        RedemptionStatus.Pending => "待核销",
        RedemptionStatus.Confirmed => "已核销",
        RedemptionStatus.Cancelled => "已取消",
        RedemptionStatus.Expired => "已过期",
        _ => status.ToString(),
    };
}
