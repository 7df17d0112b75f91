using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PopCulture.Cms.Search;

/// <summary>The searchable text of a Markdown body: its headings on their own, and the whole as plain text.</summary>
internal static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static (string Headings, string Plain) Extract(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return ("", "");
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var headings = document.Descendants<HeadingBlock>()
            .Select(h => h.Inline is null ? "" : string.Concat(h.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())))
            .Where(h => h.Length > 0);

        // Plain text, not HTML: snippets are escaped and marked by the highlighter, never rendered from content.
        var plain = Markdown.ToPlainText(markdown, Pipeline);
        return (string.Join('\n', headings), plain);
    }
}
