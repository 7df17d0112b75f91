using PopCulture.Cms.Content;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>Query pieces the manager's lists share, all translated to SQL.</summary>
public static class EntryQueries
{
    /// <summary>Only entries in <paramref name="sections"/>; null means every section.</summary>
    public static IQueryable<ContentEntry> InSections(this IQueryable<ContentEntry> entries, IReadOnlySet<string>? sections) =>
        sections is null ? entries : entries.Where(e => sections.Contains(e.Section));

    /// <summary>The rows of a list, projected in SQL so bodies and front matter stay in the database.</summary>
    public static IQueryable<EntryRowData> Rows(this IQueryable<ContentEntry> entries) =>
        entries.Select(e => new EntryRowData(e.Id, e.Section, e.Title, e.Status, e.Tags, e.UpdatedAt, e.UpdatedBy, e.PublishAt));

    public static List<EntryRow> ToRows(this IEnumerable<EntryRowData> rows) =>
        [.. rows.Select(r => new EntryRow(r.Id, r.Section, r.Title, r.Status, EntryMapping.TagList(r.Tags), r.UpdatedAt, r.UpdatedBy, r.PublishAt))];
}
