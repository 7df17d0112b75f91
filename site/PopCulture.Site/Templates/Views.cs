namespace PopCulture.Site.Templates;

/// <summary>A link as templates see it.</summary>
public sealed record LinkView(string Title, string Url)
{
    public int Count { get; init; }

    public bool Current { get; init; }
}

/// <summary>An image with its published URL and alt text.</summary>
public sealed record MediaView(string Url, string Alt, string AbsoluteUrl);

/// <summary>Paging links for a list page.</summary>
public sealed record PagerView(int PageNumber, int PageCount, string? PrevUrl, string? NextUrl, IReadOnlyList<LinkView> Pages);

/// <summary>A heading in the table of contents (<c>url</c> is the <c>#id</c> fragment).</summary>
public sealed record TocView(int Level, string Url, string Text);

/// <summary>A handout of a lesson, linked from the lesson page.</summary>
public sealed record HandoutView(string Title, string Url, bool Printable);
