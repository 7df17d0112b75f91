using System.Net;
using System.Text;

namespace PopCulture.Cms.Manager;

/// <summary>
/// Keeps a search highlight to text and the highlighter's <c>&lt;mark&gt;</c> tags. The index escapes snippets already;
/// this checks it again where the manager writes them unencoded, so no other tag or attribute can ever reach the page.
/// </summary>
public static class MarkedHtml
{
    private const string Open = "<mark>";
    private const string Close = "</mark>";

    /// <summary>The text of <paramref name="html"/> escaped again, with only balanced, attribute-free marks kept as tags.</summary>
    public static string Clean(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var result = new StringBuilder(html.Length + 16);
        var open = false;
        var i = 0;
        while (i < html.Length)
        {
            var next = html.IndexOf('<', i);
            var end = next < 0 ? html.Length : next;
            // Decoding first and encoding again turns any entity into one safe form and escapes a stray '<' or '>'.
            result.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(html[i..end])));
            if (next < 0)
            {
                break;
            }

            if (string.CompareOrdinal(html, next, Open, 0, Open.Length) == 0)
            {
                result.Append(open ? "" : Open);
                open = true;
                i = next + Open.Length;
            }
            else if (string.CompareOrdinal(html, next, Close, 0, Close.Length) == 0)
            {
                result.Append(open ? Close : "");
                open = false;
                i = next + Close.Length;
            }
            else
            {
                result.Append("&lt;");
                i = next + 1;
            }
        }

        return open ? result.Append(Close).ToString() : result.ToString();
    }
}
