namespace PopCulture.Cms.Manager;

/// <summary>
/// One page of a content list, the page it is (after clamping) and how many there are; for a search, each row's
/// highlighted fragment (HTML with only <c>mark</c> tags) by entry id; and the facet filters the list's scope offers.
/// </summary>
public sealed record ContentListPage(
    IReadOnlyList<EntryRow> Rows, int Page, int PageCount, int Total,
    IReadOnlyDictionary<Guid, string>? Snippets = null, IReadOnlyList<FacetFilter>? Facets = null);
