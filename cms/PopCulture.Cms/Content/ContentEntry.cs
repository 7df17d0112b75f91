using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Content;

/// <summary>
/// The working copy of one content item: its front matter (as written, JSON), its Markdown body, the typed columns
/// derived from them for filtering, and its place in the workflow.
/// </summary>
public sealed class ContentEntry
{
    public Guid Id { get; set; }

    public required string Section { get; set; }

    public required string Slug { get; set; }

    public required string Type { get; set; }

    public required string Title { get; set; }

    /// <summary>The item's file in the <c>content/</c> layout (<c>parks/gusu-park/index.md</c>), kept for lossless export.</summary>
    public required string ContentPath { get; set; }

    /// <summary>Every front-matter key and value, in order, as a JSON object: the source of truth for the typed columns.</summary>
    public required string FrontMatter { get; set; }

    public string Body { get; set; } = "";

    /// <summary>
    /// The item's tags as <c>|tag|other|</c> (empty when it has none), derived from the front matter on every save,
    /// so the manager's list filters working copies by tag in SQL without reading their front matter.
    /// </summary>
    public string Tags { get; set; } = "";

    public WorkflowStatus Status { get; set; } = WorkflowStatus.Draft;

    /// <summary>Increments on every save; a save based on an older revision is refused.</summary>
    public int Revision { get; set; }

    public DateTimeOffset? PublishAt { get; set; }

    public DateTimeOffset? ExpireAt { get; set; }

    /// <summary>The revision that is live on the site, if any.</summary>
    public int? PublishedRevision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
