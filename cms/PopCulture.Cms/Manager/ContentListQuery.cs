using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>
/// What one content list asks for: the section (null for every section the user may read), its filters (facets by
/// name: <c>type</c>, <c>district</c>, <c>age_band</c>…), a search text, sort and page.
/// </summary>
public sealed record ContentListQuery(
    string? Section, WorkflowStatus? State = null, string? Tag = null, string? Search = null,
    ContentSort Sort = ContentSort.Updated, bool Descending = true, int Page = 1,
    IReadOnlyDictionary<string, string>? Facets = null)
{
    /// <summary>The facets a list filters on, as the search index names them; which of them a section offers depends on its entries.</summary>
    public static IReadOnlyList<string> FacetNames { get; } = ["type", .. Content.EntryMapping.FacetNames];

    /// <summary>
    /// Searched, tag- or facet-filtered lists are answered by the search index; the rest page in SQL, on indexes that
    /// hold every column they filter and sort by (a tag test would read each row's tag column, behind its body).
    /// </summary>
    public bool NeedsIndex => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(Tag) || Facets is { Count: > 0 };
}
