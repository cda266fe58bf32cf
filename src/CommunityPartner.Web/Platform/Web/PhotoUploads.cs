namespace CommunityPartner.Web.Platform.Web;

/// <summary>An uploaded file as a handler sees it: a name for messages, a claimed length and a way to read it.</summary>
public sealed record PhotoUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>
/// Checks uploaded photos the same way everywhere: how many, how big, and whether each really is a JPEG, PNG or WebP
/// picture (by content, not name); each accepted one comes back re-encoded without its metadata.
/// </summary>
public static class PhotoUploads
{
    public static List<SanitizedImage> Read(IReadOnlyList<PhotoUpload> uploads, int max, ValidationErrors errors, string field = "photos")
    {
        var result = new List<SanitizedImage>();
        if (uploads.Count > max)
        {
            errors.Add(field, "最多上传 {0} 张照片", max);
            return result;
        }

        foreach (var upload in uploads)
        {
            if (upload.Length > ImageSanitizer.MaxBytes)
            {
                errors.Add(field, "照片“{0}”超过 5 MB，请换一张小一点的", upload.FileName);
                continue;
            }

            using var stream = upload.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var image = buffer.Length is > 0 and <= ImageSanitizer.MaxBytes ? ImageSanitizer.TrySanitize(buffer.ToArray()) : null;
            if (image is null)
            {
                errors.Add(field, "“{0}”不是 JPEG、PNG 或 WebP 照片", upload.FileName);
            }
            else
            {
                result.Add(image);
            }
        }

        return result;
    }

    /// <summary>A map point: both coordinates or neither, within range.</summary>
    public static void CheckPoint(ValidationErrors errors, double? lat, double? lng, string field = "latitude")
    {
        if (lat is null != lng is null)
        {
            errors.Add(field, "地图位置需要同时有纬度和经度");
        }
        else if (lat is { } la && lng is { } lo && (double.IsNaN(la) || double.IsNaN(lo) || la is < -90 or > 90 || lo is < -180 or > 180))
        {
            errors.Add(field, "地图位置不正确");
        }
    }

    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => ".jpg",
    };
}
