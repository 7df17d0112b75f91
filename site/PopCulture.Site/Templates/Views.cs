namespace PopCulture.Site.Templates;

/// <summary>A link as templates see it.</summary>
public sealed record LinkView(string Title, string Url)
{
    public int Count { get; init; }

    public bool Current { get; init; }
}

/// <summary>An image with its published URL and alt text, and its responsive variants when it is a raster image.</summary>
public sealed record MediaView(string Url, string Alt, string AbsoluteUrl)
{
    internal Images.ResponsiveImage? Image { get; init; }

    internal IReadOnlyDictionary<string, Images.ResponsiveImage> CropImages { get; init; } = new Dictionary<string, Images.ResponsiveImage>();

    /// <summary>The theme's fixed-ratio crops as &lt;picture&gt; markup by name (<c>item.cover.crops.card</c>), lazy, for lists.</summary>
    public IReadOnlyDictionary<string, string> Crops =>
        CropImages.ToDictionary(c => c.Key, c => c.Value.Picture(Alt, sizes: "(min-width: 48em) 20em, 100vw"), StringComparer.Ordinal);

    public int? Width => Image?.Width;

    public int? Height => Image?.Height;

    /// <summary>&lt;picture&gt; markup with WebP, srcset, width and height (eager: covers are at the top); write with <c>| raw</c>.</summary>
    public string Picture => Image?.Picture(Alt, lazy: false) ?? "";
}

/// <summary>Paging links for a list page.</summary>
public sealed record PagerView(int PageNumber, int PageCount, string? PrevUrl, string? NextUrl, IReadOnlyList<LinkView> Pages);

/// <summary>A heading in the table of contents (<c>url</c> is the <c>#id</c> fragment).</summary>
public sealed record TocView(int Level, string Url, string Text);

/// <summary>A handout of a lesson, linked from the lesson page.</summary>
public sealed record HandoutView(string Title, string Url, bool Printable);
