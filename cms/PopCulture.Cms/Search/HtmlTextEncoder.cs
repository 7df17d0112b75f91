using Lucene.Net.Search.Highlight;

namespace PopCulture.Cms.Search;

/// <summary>
/// Escapes the text around the highlighter's marks. Lucene's SimpleHTMLEncoder also turns every non-ASCII
/// character into a numeric entity, which would make Chinese snippets six times longer; this escapes only what HTML needs.
/// </summary>
internal sealed class HtmlTextEncoder : IEncoder
{
    public string EncodeText(string originalText) => System.Net.WebUtility.HtmlEncode(originalText);
}
