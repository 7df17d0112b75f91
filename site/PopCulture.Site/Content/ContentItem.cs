namespace PopCulture.Site.Content;

/// <summary>
/// One piece of content, whatever its source (a Markdown file or a CMS row): the content contract.
/// </summary>
public sealed partial record ContentItem
{
    /// <summary>The section folder (<c>parks</c>); empty for the home page and top-level pages.</summary>
    public required string Section { get; init; }

    /// <summary>The ASCII slug; empty for the home page and a section's own page.</summary>
    public required string Slug { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }

    public DateOnly? Date { get; init; }

    public DateOnly? Updated { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public bool Draft { get; init; }

    /// <summary>An illustrative entry, shown as 示例.</summary>
    public bool Sample { get; init; }

    public int Weight { get; init; }

    /// <summary>The Markdown body.</summary>
    public string Body { get; init; } = "";

    public ItemFields? Fields { get; init; }

    public MediaReference? Cover { get; init; }

    /// <summary>Front-matter keys the contract does not know, kept for templates.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    /// <summary>Where the item came from, as shown in error messages (<c>content/parks/x.md</c>).</summary>
    public required string SourcePath { get; init; }

    /// <summary>The item's path inside the content root (<c>parks/x.md</c>), which content links to other items use.</summary>
    public string ContentPath { get; init; } = "";

    /// <summary>The 1-based line of the source on which the Markdown body starts.</summary>
    public int BodyLine { get; init; } = 1;

    /// <summary>Lines of front-matter keys, for errors found after parsing (a missing course, a duplicate order).</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    /// <summary>True for <c>_index.md</c>: the home page or a section's own page.</summary>
    public bool IsIndex { get; init; }

    /// <summary>The folder media references resolve against, as a site path (<c>parks/gusu</c>); null if none.</summary>
    public string? BundlePath { get; init; }

    /// <summary>
    /// A hash of the item's source (file text, or front matter and body), set by the content source; the build cache
    /// re-renders what depends on an item when it changes. Zero means unknown: always treated as changed.
    /// </summary>
    public UInt128 SourceHash { get; init; }

    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : 1;

    /// <summary>
    /// The files beside the item that it uses, by the names written in the content: its cover, its handouts and the
    /// images of its body. Links to other hosts are not media of the item.
    /// </summary>
    public IReadOnlyList<string> MediaReferences()
    {
        var references = new List<string>();
        if (Cover is { } cover)
        {
            references.Add(cover.Src);
        }

        if (Fields is LessonFields lesson)
        {
            references.AddRange(lesson.Handouts.Select(h => h.Src));
        }

        foreach (System.Text.RegularExpressions.Match match in MarkdownImage().Matches(Body))
        {
            var src = match.Groups["src"].Value;
            if (!src.Contains("://", StringComparison.Ordinal) && !src.StartsWith("//", StringComparison.Ordinal))
            {
                references.Add(src);
            }
        }

        return [.. references.Distinct(StringComparer.Ordinal)];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"!\[[^\]]*\]\(\s*<?(?<src>[^)\s>]+)")]
    private static partial System.Text.RegularExpressions.Regex MarkdownImage();
}

/// <summary>An image or file an item refers to, by the name it has beside the item.</summary>
public sealed record MediaReference(string Src, string Alt)
{
    /// <summary>Where the subject is, 0–1 from the left and from the top: fixed-ratio crops keep it in frame.</summary>
    public double FocalX { get; init; } = 0.5;

    public double FocalY { get; init; } = 0.5;
}
