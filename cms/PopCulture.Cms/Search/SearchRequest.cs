namespace PopCulture.Cms.Search;

/// <summary>
/// A validated search: the text (empty for filters alone), exact-match filters by facet name (<c>section</c> among them),
/// a page, and for the management search the sections the user may read (null for all), a workflow status and an
/// order other than relevance (the manager's lists; working copies only).
/// </summary>
public sealed record SearchRequest(
    string Text,
    IReadOnlyDictionary<string, string> Filters,
    int Page,
    int PageSize,
    IReadOnlySet<string>? Sections = null,
    string? Status = null,
    SearchOrder? Order = null);
