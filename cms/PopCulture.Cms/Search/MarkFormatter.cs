using System.Net;
using System.Text;
using Lucene.Net.Search.Highlight;

namespace PopCulture.Cms.Search;

/// <summary>
/// Marks exactly the matched characters of a token group. CJK bigrams overlap, so a whole run of Chinese text is one
/// group; Lucene's SimpleHTMLFormatter would mark from the first match to the last, unmatched text between included.
/// Escapes the text itself (from <paramref name="text"/>, the field value being highlighted), marks only around it.
/// </summary>
internal sealed class MarkFormatter(string text) : IFormatter
{
    public string HighlightTerm(string originalText, TokenGroup tokenGroup)
    {
        ArgumentNullException.ThrowIfNull(tokenGroup);
        if (tokenGroup.TotalScore <= 0)
        {
            return originalText;
        }

        // The text handed in spans the scored tokens (Lucene's internal match offsets): recompute that span.
        var scored = Enumerable.Range(0, tokenGroup.NumTokens).Where(i => tokenGroup.GetScore(i) > 0).Select(tokenGroup.GetToken).ToList();
        var start = scored.Min(t => t.StartOffset);
        var end = Math.Min(scored.Max(t => t.EndOffset), text.Length);
        var marked = new bool[Math.Max(0, end - start)];
        for (var i = 0; i < tokenGroup.NumTokens; i++)
        {
            if (tokenGroup.GetScore(i) <= 0)
            {
                continue;
            }

            var token = tokenGroup.GetToken(i);
            for (var offset = Math.Max(token.StartOffset, start); offset < Math.Min(token.EndOffset, end); offset++)
            {
                marked[offset - start] = true;
            }
        }

        var result = new StringBuilder();
        for (var i = 0; i < marked.Length;)
        {
            var j = i;
            while (j < marked.Length && marked[j] == marked[i])
            {
                j++;
            }

            var segment = WebUtility.HtmlEncode(text[(start + i)..(start + j)]);
            result.Append(marked[i] ? "<mark>" + segment + "</mark>" : segment);
            i = j;
        }

        return result.ToString();
    }
}
