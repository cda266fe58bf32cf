using System.Buffers.Binary;
using SkiaSharp;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>Photos for upload tests: real images drawn with SkiaSharp, images carrying GPS metadata, and impostors.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width = 64, int height = 48) => Draw(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width = 64, int height = 48) => Draw(width, height, SKEncodedImageFormat.Png);

    public static byte[] Webp(int width = 64, int height = 48) => Draw(width, height, SKEncodedImageFormat.Webp);

    /// <summary>A Windows program's first bytes ("MZ", a DOS stub, a PE header): what a renamed .exe looks like.</summary>
    public static byte[] FakeExe()
    {
        var bytes = new byte[1024];
        "MZ"u8.CopyTo(bytes);
        "This program cannot be run in DOS mode."u8.CopyTo(bytes.AsSpan(0x4E));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(0x3C), 0x80);
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    public static byte[] Text() => "这不是照片，只是一段文字。\nnot an image\n"u8.ToArray();

    /// <summary>A real JPEG padded past 5 MB: its header is valid, only its size is wrong.</summary>
    public static byte[] OversizedJpeg(int size = 6 * 1024 * 1024)
    {
        var jpeg = Jpeg();
        var bytes = new byte[size];
        jpeg.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>
    /// A JPEG with an APP1 "Exif" segment right after SOI, whose IFD0 points to a GPS IFD (latitude N 31° 14′):
    /// what a phone camera writes, and what must not reach the public.
    /// </summary>
    public static byte[] JpegWithGps()
    {
        var jpeg = Jpeg(80, 60);
        var tiff = new byte[80];
        var t = tiff.AsSpan();
        "MM"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16BigEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(t[4..], 8);
        BinaryPrimitives.WriteUInt16BigEndian(t[8..], 1); // IFD0: one entry, GPSInfo → offset 26
        Entry(t[10..], 0x8825, 4, 1, 26);
        BinaryPrimitives.WriteUInt16BigEndian(t[26..], 2); // GPS IFD: latitude ref and latitude
        Entry(t[28..], 0x0001, 2, 2, 0x4E00_0000); // "N\0"
        Entry(t[40..], 0x0002, 5, 3, 56);
        uint[] rationals = [31, 1, 14, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(t[(56 + (4 * i))..], rationals[i]);
        }

        var header = "Exif\0\0"u8;
        var segment = new byte[4 + header.Length + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        header.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment, 4 + header.Length);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>Whether a JPEG carries an APP1 segment starting "Exif" (scanned marker by marker up to the image data).</summary>
    public static bool HasExifSegment(byte[] jpeg)
    {
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            if (marker == 0xDA)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
            if (marker == 0xE1 && jpeg.AsSpan(i + 4).StartsWith("Exif"u8))
            {
                return true;
            }

            i += 2 + length;
        }

        return false;
    }

    public static SKEncodedImageFormat? FormatOf(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec?.EncodedFormat;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    private static byte[] Draw(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x2E, 0x7D, 0x32));
            using var paint = new SKPaint { Color = new SKColor(0xFF, 0xC1, 0x07) };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, 90);
        return encoded.ToArray();
    }
}
