using System.Text;
using QRCoder;

namespace CommunityPartner.Web.Platform.Web;

/// <summary>QR codes drawn on the server as SVG: no script, no CDN, and the page shows them as an image with a text alternative.</summary>
public static class QrCodes
{
    /// <summary>The SVG markup of a QR code for <paramref name="text"/>, sized by its viewBox so CSS sets the size.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>A data: URI for an &lt;img src&gt;, so the code carries an alt text like any other image.</summary>
    public static string DataUri(string text) =>
        "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(text)));
}
