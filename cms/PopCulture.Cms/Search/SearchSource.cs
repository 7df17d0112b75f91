using PopCulture.Cms.Content;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Search;

/// <summary>
/// What one index document is made from: a live copy, or a working copy with its workflow status; the fingerprint
/// changes whenever the document would, so the refresher skips unchanged rows.
/// </summary>
internal sealed record SearchSource(PublishedEntry Entry, IReadOnlyList<string> Tags, WorkflowStatus? Status, string Fingerprint, DateTimeOffset? UpdatedAt = null)
{
    /// <summary>A live copy, with its tags from its term rows.</summary>
    public static SearchSource FromPublished(PublishedEntry entry) =>
        new(entry, [.. entry.Terms.Where(t => t.Taxonomy == "tags").Select(t => t.Term)], null, PublishedFingerprint(entry.Revision, entry.PublishedAt));

    /// <summary>A working copy, its facets derived the way publishing derives them.</summary>
    public static SearchSource FromWorking(ContentEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        PublishedEntry shaped;
        try
        {
            var item = EntryMapping.ToItem(entry.Section, entry.Slug, entry.ContentPath, entry.FrontMatter, entry.Body);
            shaped = EntryMapping.ToPublished(entry, item, now);
        }
        catch (InvalidOperationException)
        {
            // A stored entry that no longer validates (rules tightened since) stays findable by its title and body.
            shaped = new PublishedEntry
            {
                Id = entry.Id, Section = entry.Section, Slug = entry.Slug, Type = entry.Type, Title = entry.Title,
                ContentPath = entry.ContentPath, FrontMatter = entry.FrontMatter, Body = entry.Body, Revision = entry.Revision,
            };
        }

        // The tag column, not the shaped terms: the manager's list filters by that column in SQL, and must find the
        // same entries when it filters through this index (it also holds for an entry that no longer validates).
        var tags = EntryMapping.TagList(entry.Tags);
        return new(shaped, tags, entry.Status, WorkingFingerprint(entry.Revision, entry.Status, entry.UpdatedAt), entry.UpdatedAt);
    }

    public static string PublishedFingerprint(int revision, DateTimeOffset publishedAt) =>
        FormattableString.Invariant($"{revision}:{publishedAt.UtcTicks}");

    public static string WorkingFingerprint(int revision, WorkflowStatus status, DateTimeOffset updatedAt) =>
        FormattableString.Invariant($"{revision}:{status}:{updatedAt.UtcTicks}");
}
