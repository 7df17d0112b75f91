using System.Text.RegularExpressions;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// Points a preview's images at the preview's own file route: a draft's files are not on the public site until it is
/// published. Only the exact links the page was rendered with are rewritten; links to pages stay on the live site.
/// </summary>
public static class PreviewFiles
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <paramref name="html"/> with each link of <paramref name="files"/> in an attribute (<c>src</c>, <c>href</c>, a
    /// <c>srcset</c> candidate) prefixed with <paramref name="prefix"/>.
    /// </summary>
    public static string Route(string html, IReadOnlyDictionary<string, string> files, string prefix)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return html;
        }

        // Longest first, and bounded by the characters that end a URL in an attribute, so no link matches part of another.
        var links = string.Join('|', files.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        var pattern = new Regex($"(?<=[\"'\\s,])(?:{links})(?=[\"'\\s,?#])", RegexOptions.CultureInvariant, MatchTimeout);
        return pattern.Replace(html, match => prefix + match.Value);
    }
}
