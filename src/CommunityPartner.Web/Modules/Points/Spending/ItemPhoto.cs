namespace CommunityPartner.Web.Modules.Points.Spending;

/// <summary>
/// A photo of a merchant's item, re-encoded without metadata and stored outside wwwroot. A replaced photo keeps its
/// row and file (as project covers do), so a page opened before the change never shows a broken picture.
/// </summary>
public sealed class ItemPhoto
{
    private ItemPhoto()
    {
    }

    public ItemPhoto(Guid id, Guid itemId, string contentType, long length, int width, int height, DateTime at)
    {
        Id = id;
        ItemId = itemId;
        ContentType = contentType;
        Length = length;
        Width = width;
        Height = height;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ItemId { get; private set; }

    public string ContentType { get; private set; } = "";

    public long Length { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public DateTime At { get; private set; }

    public string StoragePath => Path.Combine("points-items", ItemId.ToString("N"), Id.ToString("N") + Platform.Web.PhotoUploads.ExtensionOf(ContentType));

    /// <summary>The stable public address of an item's photo; null when it has none.</summary>
    public static string? UrlOf(Guid itemId, Guid? photoId) => photoId is { } id ? $"/points/items/{itemId}/photos/{id}" : null;
}
