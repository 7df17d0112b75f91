using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace PopCulture.Site.Markdown;

/// <summary>The one Markdown dialect shared by the site build and the CMS preview.</summary>
public static class MarkdownPipelineFactory
{
    /// <summary>Builds the shared pipeline: tables, GitHub-style heading ids (Chinese kept), autolinks, task lists,
    /// CJK-friendly emphasis, strikethrough and footnotes. Raw HTML is parsed here and sanitised after rendering.</summary>
    public static MarkdownPipeline Create() =>
        new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseAutoLinks()
            .UseTaskLists()
            .UseCjkFriendlyEmphasis()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
            .UseFootnotes()
            .Build();
}
