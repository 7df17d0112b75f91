namespace PopCulture.Site.Markdown;

/// <summary>A heading in a page's table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A Markdown body rendered to safe HTML, with the headings for its table of contents.</summary>
public sealed record RenderedMarkdown(string Html, IReadOnlyList<TocEntry> Toc);
