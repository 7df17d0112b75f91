namespace PopCulture.Cms.Content;

/// <summary>
/// The live version of an item, denormalised for the delivery API and the site build: what readers see does not
/// change while editors work on the next revision.
/// </summary>
public sealed class PublishedEntry
{
    public Guid Id { get; set; }

    public required string Section { get; set; }

    public required string Slug { get; set; }

    public required string Type { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public DateOnly? Date { get; set; }

    public DateOnly? Updated { get; set; }

    public int Weight { get; set; }

    public string? District { get; set; }

    public string? AgeBand { get; set; }

    public string? Domain { get; set; }

    public string? Audience { get; set; }

    public string? GradeBand { get; set; }

    public string? Kind { get; set; }

    public string? Level { get; set; }

    public required string ContentPath { get; set; }

    public required string FrontMatter { get; set; }

    public string Body { get; set; } = "";

    public int Revision { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public List<PublishedTerm> Terms { get; set; } = [];
}

/// <summary>A tag or category of a published item, one row each so filters and counts are plain indexed SQL.</summary>
public sealed class PublishedTerm
{
    public long Id { get; set; }

    public Guid EntryId { get; set; }

    /// <summary><c>tags</c> or <c>categories</c>.</summary>
    public required string Taxonomy { get; set; }

    public required string Term { get; set; }

    public required string Section { get; set; }
}
