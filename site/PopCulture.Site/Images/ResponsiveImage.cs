using System.Net;
using System.Text;

namespace PopCulture.Site.Images;

/// <summary>An image with its size and its published variants: what a page needs for &lt;picture&gt;, srcset and no layout shift.</summary>
public sealed record ResponsiveImage(string Url, int Width, int Height, IReadOnlyList<ImageVariant> Variants)
{
    /// <summary><c>&lt;picture&gt;</c> markup with a WebP source, a fallback srcset, width, height and lazy loading.</summary>
    public string Picture(string alt, string sizes = "(min-width: 48em) 42em, 100vw", bool lazy = true, string? title = null)
    {
        var builder = new StringBuilder(256);
        if (Variants.Count > 0)
        {
            builder.Append("<picture>");
        }

        if (Variants.Count > 0)
        {
            builder.Append("<source type=\"image/webp\" srcset=\"").Append(Srcset(v => v.WebpUrl)).Append("\" sizes=\"").Append(sizes).Append("\">");
        }

        builder.Append("<img src=\"").Append(WebUtility.HtmlEncode(Url)).Append('"');
        if (Variants.Count > 0)
        {
            builder.Append(" srcset=\"").Append(Srcset(v => v.FallbackUrl)).Append("\" sizes=\"").Append(sizes).Append('"');
        }

        builder.Append(" width=\"").Append(Width).Append("\" height=\"").Append(Height).Append("\" alt=\"").Append(WebUtility.HtmlEncode(alt)).Append('"');
        if (title is not null)
        {
            builder.Append(" title=\"").Append(WebUtility.HtmlEncode(title)).Append('"');
        }

        builder.Append(lazy ? " loading=\"lazy\" decoding=\"async\">" : " decoding=\"async\">");
        if (Variants.Count > 0)
        {
            builder.Append("</picture>");
        }

        return builder.ToString();
    }

    public string WebpSrcset => Srcset(v => v.WebpUrl);

    public string FallbackSrcset => Srcset(v => v.FallbackUrl);

    private string Srcset(Func<ImageVariant, string> url) =>
        string.Join(", ", Variants.Select(v => $"{WebUtility.HtmlEncode(url(v))} {v.Width}w"));
}

/// <summary>One width of an image, as WebP and in the original's format.</summary>
public sealed record ImageVariant(int Width, string WebpUrl, string FallbackUrl);
