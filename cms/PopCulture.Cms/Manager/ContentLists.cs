using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Search;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>
/// A page of a section's entries, filtered, sorted and paged in SQL: one count and one page of rows, whatever the
/// section holds (the indexes on section + updated and section + title serve the common sorts). A searched or
/// facet-filtered list is answered by the management search index instead (<see cref="ContentListSearch"/>), and
/// either way the facet counts come from that index.
/// </summary>
public sealed class ContentLists(CmsDbContext db, SearchIndexes indexes)
{
    public async Task<ContentListPage> LoadAsync(CmsPrincipal user, ContentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        if (query.NeedsIndex)
        {
            return await new ContentListSearch(db, indexes.Manage).LoadAsync(user, query, cancellationToken);
        }

        var entries = Filtered(user, query);
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + ManagerOptions.PageSize - 1) / ManagerOptions.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        // The page's ids first, from an index alone; then those 50 rows by primary key.
        var ids = await PageOf(entries, query, page).ToListAsync(cancellationToken);
        var found = (await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).Rows().ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id]);
        var facets = ContentListSearch.Facets(indexes.Manage, user, query, counts: null, total);
        return new ContentListPage(rows.ToRows(), page, pageCount, total, Facets: facets);
    }

    /// <summary>The ids of one page as a query, for the tests to read the SQL it becomes.</summary>
    internal IQueryable<Guid> PageQuery(CmsPrincipal user, ContentListQuery query, int page) => PageOf(Filtered(user, query), query, page);

    private static IQueryable<Guid> PageOf(IQueryable<ContentEntry> entries, ContentListQuery query, int page) =>
        Sorted(entries, query).Skip((page - 1) * ManagerOptions.PageSize).Take(ManagerOptions.PageSize).Select(e => e.Id);

    /// <summary>The sections <paramref name="user"/> may read that hold entries, with their counts (one grouped query).</summary>
    public async Task<List<SectionCount>> SectionsAsync(CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var counts = await db.Entries.AsNoTracking().InSections(user.ReadableSections())
            .GroupBy(e => e.Section).Select(g => new { Section = g.Key, Entries = g.Count() }).OrderBy(g => g.Section).ToListAsync(cancellationToken);
        return [.. counts.Select(c => new SectionCount(c.Section, c.Entries))];
    }

    private IQueryable<ContentEntry> Filtered(CmsPrincipal user, ContentListQuery query)
    {
        var entries = db.Entries.AsNoTracking().InSections(user.ReadableSections());
        if (query.Section is { } section)
        {
            entries = entries.Where(e => e.Section == section);
        }

        if (query.State is { } state)
        {
            entries = entries.Where(e => e.Status == state);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var needle = "|" + query.Tag.Trim() + "|";
            entries = entries.Where(e => e.Tags.Contains(needle));
        }

        return entries;
    }

    private static IOrderedQueryable<ContentEntry> Sorted(IQueryable<ContentEntry> entries, ContentListQuery query)
    {
        // The id breaks ties, so paging is stable when many entries share a title or a time.
        var sorted = (query.Sort, query.Descending) switch
        {
            (ContentSort.Title, false) => entries.OrderBy(e => e.Title),
            (ContentSort.Title, true) => entries.OrderByDescending(e => e.Title),
            (ContentSort.State, false) => entries.OrderBy(WorkflowOrder).ThenByDescending(e => e.UpdatedAt),
            (ContentSort.State, true) => entries.OrderByDescending(WorkflowOrder).ThenByDescending(e => e.UpdatedAt),
            (_, false) => entries.OrderBy(e => e.UpdatedAt),
            _ => entries.OrderByDescending(e => e.UpdatedAt),
        };
        return sorted.ThenBy(e => e.Id);
    }

    // States sort in workflow order (draft first), not alphabetically; EF turns this into a SQL CASE.
    private static readonly Expression<Func<ContentEntry, int>> WorkflowOrder = e =>
        e.Status == WorkflowStatus.Draft ? 0
        : e.Status == WorkflowStatus.InReview ? 1
        : e.Status == WorkflowStatus.Scheduled ? 2
        : e.Status == WorkflowStatus.Published ? 3
        : 4;
}
