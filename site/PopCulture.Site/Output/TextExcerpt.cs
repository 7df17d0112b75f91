using System.Net;
using System.Text;

namespace PopCulture.Site.Output;

/// <summary>A short plain-text excerpt of rendered HTML, for descriptions when an item has no summary.</summary>
public static class TextExcerpt
{
    public static string FromHtml(string html, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(html);
        var builder = new StringBuilder(Math.Min(html.Length, maxChars * 2));
        var inTag = false;
        var lastWasSpace = true;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                continue;
            }

            if (inTag)
            {
                inTag = c != '>';
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
            if (builder.Length >= maxChars * 2)
            {
                break;
            }
        }

        var text = WebUtility.HtmlDecode(builder.ToString()).Trim();
        return text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1), "…");
    }
}
