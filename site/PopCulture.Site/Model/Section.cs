using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>A top-level section (<c>/parks/</c>): its own page, its listed items and its taxonomies.</summary>
public sealed class Section(string name, string url, ContentItem? index, IReadOnlyList<ContentItem> items, IReadOnlyList<Taxonomy> taxonomies)
{
    public string Name { get; } = name;

    public string Url { get; } = url;

    /// <summary>The section's <c>_index.md</c>, if it has one.</summary>
    public ContentItem? Index { get; } = index;

    public string Title => Index?.Title is { Length: > 0 } title ? title : Name;

    /// <summary>Items listed on the section's pages, in display order (lessons are listed by their course instead).</summary>
    public IReadOnlyList<ContentItem> Items { get; } = items;

    public IReadOnlyList<Taxonomy> Taxonomies { get; } = taxonomies;
}

/// <summary>Tags or categories of one section, each term with its items.</summary>
public sealed record Taxonomy(string Name, string Label, string Url, IReadOnlyList<Term> Terms);

/// <summary>One tag or category and the items that carry it.</summary>
public sealed record Term(string Name, string Url, IReadOnlyList<ContentItem> Items);
