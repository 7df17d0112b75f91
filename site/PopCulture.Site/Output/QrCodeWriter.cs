using System.Xml.Linq;
using QRCoder;

namespace PopCulture.Site.Output;

/// <summary>Draws a page's absolute URL as an SVG QR code, for the signs printed and posted beside an exhibit.</summary>
public static class QrCodeWriter
{
    /// <summary>The file name of a place's QR code, written next to its page: <c>/parks/gusu-park/qr.svg</c>.</summary>
    public const string FileName = "qr.svg";

    // A page URL is a few dozen characters; level M holds at most 2,331 bytes, and a code anywhere near that
    // is too dense to scan from a printed sign, so a longer URL is a mistake to report, not to draw.
    private const int MaxUrlLength = 1024;

    /// <summary>
    /// The QR code of <paramref name="url"/> at error correction level M: black modules on white, a four-module quiet
    /// zone, sized by its viewBox only, with <paramref name="title"/> as its accessible name. The same input always
    /// gives the same text.
    /// </summary>
    public static string Write(string url, string title)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(title);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http or https URL", nameof(url));
        }

        // Phone scanners disagree on how to read non-ASCII bytes; the escaped form is the same address in plain ASCII.
        var payload = uri.AbsoluteUri;
        if (payload.Length > MaxUrlLength)
        {
            throw new ArgumentException($"URL is {payload.Length} characters, more than the {MaxUrlLength} a QR sign allows", nameof(url));
        }

        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        using var renderer = new SvgQRCode(data);
        var svg = XElement.Parse(renderer.GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute));
        svg.SetAttributeValue("role", "img");
        svg.AddFirst(new XElement(svg.Name.Namespace + "title", title));
        return svg.ToString(SaveOptions.DisableFormatting) + "\n";
    }
}
