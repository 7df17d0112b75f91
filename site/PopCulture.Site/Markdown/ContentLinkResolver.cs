using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Markdown;

/// <summary>
/// Resolves links written in content against the routed site: site paths, relative paths to other content files
/// (<c>../parks/x.md</c>), and media beside the item. Unsafe schemes and links to nothing are reported.
/// </summary>
public sealed class ContentLinkResolver(
    SiteModel model, SiteUrls urls, IReadOnlyDictionary<string, MediaFile> media, DiagnosticBag diagnostics) : ILinkResolver
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public string? Resolve(ContentItem item, string url, bool isImage, int line)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(url);
        url = url.Trim();
        if (url.StartsWith('#'))
        {
            return url;
        }

        var scheme = Scheme(url);
        if (scheme is not null || url.StartsWith("//", StringComparison.Ordinal))
        {
            if (scheme is null || !SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
            {
                Report(item, line, $"link {url} uses a scheme that is not allowed (only http, https, mailto and tel)");
                return null;
            }

            if (isImage)
            {
                Report(item, line, $"image {url} is on another host: put the image file beside the content so pages make no outside requests");
                return null;
            }

            return url;
        }

        var (path, suffix) = SplitSuffix(url);
        var resolved = path.StartsWith('/') ? ResolveSitePath(path) : ResolveRelative(item, path);
        if (resolved is null)
        {
            Report(item, line, isImage ? $"image {url} not found beside {item.SourcePath}" : $"broken link {url}: no page or file is published there");
            return null;
        }

        if (isImage && !IsMedia(resolved))
        {
            Report(item, line, $"image {url} is not an image file");
            return null;
        }

        return urls.Link(resolved) + suffix;
    }

    private string? ResolveSitePath(string path)
    {
        var decoded = Uri.UnescapeDataString(path);
        if (decoded.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return model.UrlOfSource(decoded.TrimStart('/'));
        }

        if (model.PageUrls.Contains(decoded))
        {
            return decoded;
        }

        if (!decoded.EndsWith('/') && !Path.HasExtension(decoded) && model.PageUrls.Contains(decoded + "/"))
        {
            return decoded + "/";
        }

        return media.ContainsKey(decoded.TrimStart('/')) ? model.MediaUrls[decoded.TrimStart('/')] : null;
    }

    private string? ResolveRelative(ContentItem item, string path)
    {
        var decoded = Uri.UnescapeDataString(path);
        var folder = item.BundlePath ?? "";
        if (Combine(folder, decoded) is { } key)
        {
            if (key.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                return model.UrlOfSource(key) ?? model.UrlOfSource(key[..^3] + "/index.md");
            }

            if (model.MediaUrls.TryGetValue(key, out var mediaUrl))
            {
                return mediaUrl;
            }
        }

        // Otherwise relative to the page's own URL, as a browser would read it.
        return Combine(model.UrlOf(item).Trim('/'), decoded) is { } sitePath ? ResolveSitePath("/" + sitePath) : null;
    }

    /// <summary>Joins a folder and a relative path, resolving <c>.</c> and <c>..</c>; null if it climbs out of the site.</summary>
    internal static string? Combine(string folder, string relative)
    {
        // A leading slash means the content root (a shared file, such as a CMS library image), not the item's folder.
        var parts = relative.StartsWith('/') ? [] : new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        var joined = string.Join('/', parts);
        return relative.EndsWith('/') && joined.Length > 0 ? joined + "/" : joined;
    }

    private static (string Path, string Suffix) SplitSuffix(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? (url, "") : (url[..cut], url[cut..]);
    }

    private static string? Scheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var candidate = url[..colon];
        return candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(candidate[0])
            ? candidate
            : null;
    }

    private static bool IsMedia(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".PNG" or ".JPG" or ".JPEG" or ".GIF" or ".WEBP" or ".SVG" or ".AVIF";

    private void Report(ContentItem item, int line, string message) => diagnostics.Error(item.SourcePath, line, message);
}
