using System.Text;

namespace PopCulture.Site.Model;

/// <summary>Builds the site's URLs: root-relative links under the base path, absolute ones for feeds and canonicals.</summary>
public sealed class SiteUrls
{
    public SiteUrls(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"base URL '{baseUrl}' must be an absolute http or https URL", nameof(baseUrl));
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        BasePath = path + "/";
        Origin = uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The path the site lives under, always ending in <c>/</c> (<c>/</c> or <c>/pop/</c>).</summary>
    public string BasePath { get; }

    /// <summary>Scheme, host and port: <c>https://example.org</c>.</summary>
    public string Origin { get; }

    public string BaseUrl => Origin + BasePath;

    /// <summary>A site path (<c>/parks/x/</c>) as a link that works under the base path.</summary>
    public string Link(string sitePath) => BasePath + sitePath.TrimStart('/');

    /// <summary>A site path as an absolute URL.</summary>
    public string Absolute(string sitePath) => Origin + Link(sitePath);

    /// <summary>Turns a link found in output back into a site path, or null if it leaves the site.</summary>
    public string? ToSitePath(string link)
    {
        if (link.StartsWith(BaseUrl, StringComparison.Ordinal))
        {
            link = link[(Origin.Length)..];
        }

        if (!link.StartsWith(BasePath, StringComparison.Ordinal))
        {
            return null;
        }

        return "/" + link[BasePath.Length..];
    }

    /// <summary>Makes a taxonomy term safe as one URL segment while keeping Chinese readable.</summary>
    public static string TermSegment(string term)
    {
        var builder = new StringBuilder(term.Length);
        foreach (var c in term.Trim())
        {
            builder.Append(c is '/' or '\\' or '?' or '#' or '%' or '"' or '<' or '>' or '&' || char.IsWhiteSpace(c) ? '-' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Escapes a site path for use in an href: non-ASCII stays (browsers handle IRIs), spaces never occur.</summary>
    public static string ItemPath(string section, string slug) =>
        (section, slug) switch
        {
            ("", "") => "/",
            ("", _) => $"/{slug}/",
            (_, "") => $"/{section}/",
            _ => $"/{section}/{slug}/",
        };
}
