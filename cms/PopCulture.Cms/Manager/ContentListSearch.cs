using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Search;

namespace PopCulture.Cms.Manager;

/// <summary>
/// A content list answered by the management search index, the one behind <c>GET /api/v1/manage/search</c>: the same
/// Chinese matching and ranking, limited to the list's section and the user's sections. The index gives the page's
/// ids in order, highlights and facet counts; the rows themselves are read from the store by those ids (one query).
/// </summary>
internal sealed class ContentListSearch(CmsDbContext db, SearchIndex index)
{
    /// <summary>
    /// The last page a search list opens (20,000 matches at 50 a page): the index ranks every result up to the page
    /// asked for, so the bound keeps one request's work bounded.
    /// </summary>
    public const int MaxPage = 400;

    public async Task<ContentListPage> LoadAsync(CmsPrincipal user, ContentListQuery query, CancellationToken cancellationToken)
    {
        var request = Request(user, query, Math.Clamp(query.Page, 1, MaxPage));
        var result = index.Search(request);
        var pageCount = Math.Clamp((result.Total + ManagerOptions.PageSize - 1) / ManagerOptions.PageSize, 1, MaxPage);
        if (request.Page > pageCount)
        {
            // Past the end: the last page, as the SQL-paged list answers.
            request = request with { Page = pageCount };
            result = index.Search(request);
        }

        var ids = result.Items.Select(i => i.Id).ToList();
        // The readable sections again in SQL: rows come from the store, whatever the index says.
        var found = await db.Entries.AsNoTracking().InSections(user.ReadableSections())
            .Where(e => ids.Contains(e.Id)).Rows().ToListAsync(cancellationToken);
        var byId = found.ToDictionary(r => r.Id);
        var rows = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToRows();
        var snippets = result.Items.ToDictionary(i => i.Id, i => MarkedHtml.Clean(i.SnippetHtml));
        var facets = Facets(index, user, query, result.Facets, result.Total);
        return new ContentListPage(rows, request.Page, pageCount, result.Total, snippets, facets);
    }

    /// <summary>
    /// The facet filters the list's scope offers, each value counted with every other filter applied but its own, so a
    /// chosen facet still shows the other values it could change to. A facet shows when it can narrow the list of
    /// <paramref name="total"/> entries. <paramref name="counts"/> are the counts with every filter applied when a search
    /// already made them; without them they are counted here.
    /// </summary>
    public static IReadOnlyList<FacetFilter> Facets(
        SearchIndex index, CmsPrincipal user, ContentListQuery query, IReadOnlyDictionary<string, IReadOnlyList<TermCount>>? counts, int total)
    {
        ArgumentNullException.ThrowIfNull(index);
        var request = Request(user, query, page: 1);
        counts ??= index.Facets(request);
        var filters = new List<FacetFilter>();
        foreach (var name in ContentListQuery.FacetNames)
        {
            var selected = query.Facets?.GetValueOrDefault(name);
            var values = counts.GetValueOrDefault(name) ?? [];
            if (selected is not null)
            {
                var others = request.Filters.Where(f => f.Key != name).ToDictionary(StringComparer.Ordinal);
                values = index.Facets(request with { Filters = others }).GetValueOrDefault(name) ?? [];
                if (!values.Any(v => v.Value == selected))
                {
                    values = [.. values, new TermCount(selected, 0)];
                }
            }

            if (selected is not null || values.Count > 1 || (values.Count == 1 && values[0].Count < total))
            {
                filters.Add(new FacetFilter(name, selected, values));
            }
        }

        return filters;
    }

    /// <summary>The search a list makes: its text, section, state, tag and facets, in the user's sections only.</summary>
    internal static SearchRequest Request(CmsPrincipal user, ContentListQuery query, int page)
    {
        var filters = new Dictionary<string, string>(query.Facets ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (query.Section is { } section)
        {
            filters["section"] = section.Length == 0 ? DeliveryApi.RootSection : section;
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            filters["tag"] = query.Tag.Trim();
        }

        var order = query.Sort switch
        {
            ContentSort.Relevance when !string.IsNullOrWhiteSpace(query.Search) => null,
            ContentSort.Title => new SearchOrder(SearchOrderBy.Title, query.Descending),
            ContentSort.State => new SearchOrder(SearchOrderBy.State, query.Descending),
            ContentSort.Updated => new SearchOrder(SearchOrderBy.Updated, query.Descending),
            _ => new SearchOrder(SearchOrderBy.Updated, Descending: true),
        };
        var status = query.State is { } state ? ManageDocument.StatusName(state) : null;
        return new SearchRequest(
            query.Search?.Trim() ?? "", filters, page, ManagerOptions.PageSize, user.ReadableSections(), status, order);
    }
}
