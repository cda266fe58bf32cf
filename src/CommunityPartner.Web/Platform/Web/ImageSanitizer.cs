using SkiaSharp;

namespace CommunityPartner.Web.Platform.Web;

public sealed record SanitizedImage(byte[] Content, string ContentType, string Extension, int Width, int Height);

/// <summary>
/// Accepts a photo only if its bytes decode as JPEG, PNG or WebP (whatever its name says), then re-encodes it, which
/// drops EXIF/GPS and every other metadata block. The EXIF orientation is applied first so the photo stays upright.
/// </summary>
public static class ImageSanitizer
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private const long MaxPixels = 40_000_000;

    public static SanitizedImage? TrySanitize(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var (format, contentType, extension) = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, "image/jpeg", "jpg"),
            SKEncodedImageFormat.Png => (SKEncodedImageFormat.Png, "image/png", "png"),
            SKEncodedImageFormat.Webp => (SKEncodedImageFormat.Webp, "image/webp", "webp"),
            _ => (default(SKEncodedImageFormat), "", ""),
        };
        if (contentType.Length == 0 || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = image.Encode(format, 85);
        return encoded is null ? null : new SanitizedImage(encoded.ToArray(), contentType, extension, upright.Width, upright.Height);
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var target = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(target);
        canvas.Translate(target.Width / 2f, target.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }
}
