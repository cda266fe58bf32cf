namespace CommunityPartner.Web.Modules.Points.Spending;

/// <summary>
/// Something a merchant partner offers for points. Stock only changes by guarded SQL updates in a redemption's
/// transaction; the CHECK constraint keeps it at zero or more.
/// </summary>
public sealed class MerchantItem
{
    public const int NameMax = 40;
    public const long PriceMax = 100_000;
    public const int StockMax = 100_000;

    private MerchantItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid PartnerId { get; private set; }

    public string Name { get; private set; } = "";

    public long PointsPrice { get; private set; }

    public int Stock { get; private set; }

    public DateTime? ValidFrom { get; private set; }

    public DateTime? ValidUntil { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedById { get; private set; }

    /// <summary>The current <see cref="ItemPhoto"/>; null when the item has no photo.</summary>
    public Guid? PhotoId { get; private set; }

    public static MerchantItem Create(Guid partnerId, string name, long price, int stock, DateTime? validFrom, DateTime? validUntil, Guid userId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        PartnerId = partnerId,
        Name = name,
        PointsPrice = price,
        Stock = stock,
        ValidFrom = validFrom,
        ValidUntil = validUntil,
        CreatedAt = now,
        CreatedById = userId,
    };

    public bool IsOnOffer(DateTime now) => (ValidFrom is null || ValidFrom <= now) && (ValidUntil is null || now < ValidUntil);

    public void SetPhoto(Guid photoId) => PhotoId = photoId;

    public object Snapshot() => new { Name, PointsPrice, Stock, ValidFrom, ValidUntil, PhotoId };
}
