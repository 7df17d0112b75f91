using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>What kind of page a URL is, which picks its template.</summary>
public enum PageKind
{
    Home,
    Section,
    Item,
    Terms,
    Term,
    Handout,
    NotFound,
    Search,

    /// <summary>A park's printable QR sign (<c>/parks/&lt;slug&gt;/sign/</c>).</summary>
    Sign,
    /// <summary>The episodes of a parenting series (<c>/parenting/series/yuleyuan/</c>).</summary>
    Series,

    /// <summary>Every series of a section (<c>/parenting/series/</c>).</summary>
    SeriesIndex,
}

/// <summary>One HTML page the build writes: its URL and what it shows.</summary>
public sealed record OutputPage(PageKind Kind, string Url, string Title)
{
    public ContentItem? Item { get; init; }

    public Section? Section { get; init; }

    public Taxonomy? Taxonomy { get; init; }

    public Term? Term { get; init; }

    public Handout? Handout { get; init; }

    /// <summary>On a series page: the series, whose episodes are <see cref="Items"/>.</summary>
    public SeriesEpisodes? Series { get; init; }

    /// <summary>The items listed on this page of a paged list.</summary>
    public IReadOnlyList<ContentItem> Items { get; init; } = [];

    public int PageNumber { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    /// <summary>The list's first page, from which page <c>n</c> is <c>page/n/</c>.</summary>
    public string? ListUrl { get; init; }
}
