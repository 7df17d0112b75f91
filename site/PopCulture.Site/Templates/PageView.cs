namespace PopCulture.Site.Templates;

/// <summary>What the template of one page sees as <c>page</c>.</summary>
public sealed class PageView
{
    /// <summary><c>home</c>, <c>section</c>, <c>item</c>, <c>terms</c>, <c>term</c>, <c>handout</c>, <c>sign</c>, <c>series</c> or <c>404</c>.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>The text for the description meta tag and share cards.</summary>
    public required string Description { get; init; }

    public required string Url { get; init; }

    /// <summary>The absolute canonical URL.</summary>
    public required string Permalink { get; init; }

    /// <summary>The page's rendered Markdown (the item body, the section's introduction, a handout).</summary>
    public string Content { get; init; } = "";

    public IReadOnlyList<TocView> Toc { get; init; } = [];

    public ItemView? Item { get; init; }

    public SectionView? Section { get; init; }

    /// <summary>For a term page: the tag or category; for a terms page: the taxonomy.</summary>
    public LinkView? Term { get; init; }

    public LinkView? Taxonomy { get; init; }

    /// <summary>The items listed on this page (section, term and home pages).</summary>
    public IReadOnlyList<ItemView> Items { get; init; } = [];

    /// <summary>For a terms page: every term with its count.</summary>
    public IReadOnlyList<LinkView> Terms { get; init; } = [];

    public PagerView? Pager { get; init; }

    /// <summary>On a series page: the series (its episodes are <see cref="Items"/>).</summary>
    public SeriesView? Series { get; init; }

    public IReadOnlyList<LinkView> Breadcrumbs { get; init; } = [];

    /// <summary>JSON-LD, already escaped for a script element: write it with <c>| raw</c>.</summary>
    public string JsonLd { get; init; } = "";

    /// <summary>OpenGraph type: <c>website</c> or <c>article</c>.</summary>
    public string OgType { get; init; } = "website";

    /// <summary>Absolute URL of the share image, if the page has one.</summary>
    public string? Image { get; init; }

    /// <summary>The Atom feed for this page's section, or the site's.</summary>
    public required string FeedUrl { get; init; }

    /// <summary>On a section's first page: its parks as a directory grouped by district, and their map.</summary>
    public ParkDirectoryView? Parks { get; init; }

    /// <summary>True when search engines should not index the page (404, paged lists).</summary>
    public bool NoIndex { get; init; }
}
