namespace PopCulture.Cms.Content;

/// <summary>One saved state of an entry: every save is kept and can be compared or restored.</summary>
public sealed class ContentRevision
{
    public long Id { get; set; }

    public Guid EntryId { get; set; }

    public int Number { get; set; }

    public required string Section { get; set; }

    public required string Slug { get; set; }

    public required string FrontMatter { get; set; }

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>Why the revision exists: save, restore of revision n, import.</summary>
    public string? Note { get; set; }

    /// <summary>A snapshot of <paramref name="entry"/> as it is now, numbered with its current revision.</summary>
    public static ContentRevision Of(ContentEntry entry, string? user, string note, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ContentRevision
        {
            EntryId = entry.Id,
            Number = entry.Revision,
            Section = entry.Section,
            Slug = entry.Slug,
            FrontMatter = entry.FrontMatter,
            Body = entry.Body,
            CreatedAt = at,
            CreatedBy = user,
            Note = note,
        };
    }
}
