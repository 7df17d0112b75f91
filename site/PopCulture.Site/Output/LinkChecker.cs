using System.Net;
using PopCulture.Site.Model;

namespace PopCulture.Site.Output;

/// <summary>
/// Checks every <c>href</c> and <c>src</c> in a rendered page against the set of files the build writes, and that the
/// page asks nothing of another host. A single pass over the HTML, no DOM: this runs on every page.
/// </summary>
public sealed class LinkChecker(SiteUrls urls, IReadOnlySet<string> published)
{
    private static readonly string[] Attributes = ["href=\"", "src=\"", "srcset=\""];

    /// <summary>
    /// Problems found in <paramref name="html"/>, as messages. The site paths the page links to go into
    /// <paramref name="targets"/>, so a page reused from the build cache can be checked again without its HTML.
    /// </summary>
    public IReadOnlyList<string> Check(string html, ISet<string>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var problems = new List<string>();
        foreach (var attribute in Attributes)
        {
            var position = 0;
            while ((position = html.IndexOf(attribute, position, StringComparison.Ordinal)) >= 0)
            {
                var start = position + attribute.Length;
                var end = html.IndexOf('"', start);
                if (end < 0)
                {
                    break;
                }

                position = end;
                var value = html[start..end];
                if (value.Contains('&', StringComparison.Ordinal))
                {
                    value = WebUtility.HtmlDecode(value);
                }

                var candidates = attribute == "srcset=\"" ? value.Split(',').Select(c => c.Trim().Split(' ')[0]) : [value];
                foreach (var link in candidates)
                {
                    if (Problem(link, isResource: attribute != "href=\"", targets) is { } problem)
                    {
                        problems.Add(problem);
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>Whether the build publishes something at <paramref name="sitePath"/>.</summary>
    public bool Exists(string sitePath)
    {
        ArgumentNullException.ThrowIfNull(sitePath);
        return published.Contains(sitePath) || (sitePath.EndsWith("/index.html", StringComparison.Ordinal) && published.Contains(sitePath[..^10]));
    }

    private string? Problem(string link, bool isResource, ISet<string>? targets)
    {
        if (link.Length == 0 || link[0] == '#')
        {
            return null;
        }

        var colon = link.IndexOf(':', StringComparison.Ordinal);
        var slash = link.IndexOf('/', StringComparison.Ordinal);
        var external = link.StartsWith("//", StringComparison.Ordinal) || (colon > 0 && (slash < 0 || colon < slash));
        if (external && !link.StartsWith(urls.BaseUrl, StringComparison.Ordinal))
        {
            return isResource ? $"loads {link} from another host: pages must make no outside requests" : null;
        }

        var cut = link.IndexOfAny(['?', '#']);
        var path = cut < 0 ? link : link[..cut];
        if (!path.StartsWith('/') && !external)
        {
            return null; // relative links in templates are the theme's business; content links were resolved earlier
        }

        var sitePath = urls.ToSitePath(path);
        if (sitePath is null)
        {
            return $"links to {link}, outside the site's base path {urls.BasePath}";
        }

        sitePath = Uri.UnescapeDataString(sitePath);
        if (!Exists(sitePath))
        {
            return $"broken link {link}: nothing is published there";
        }

        targets?.Add(sitePath);
        return null;
    }
}
