namespace PopCulture.Cms.Search;

/// <summary>
/// A validated search: the text (empty for filters alone), exact-match filters by facet name (<c>section</c> among them),
/// a page, and for the management search the sections the user may read (null for all) and a workflow status.
/// </summary>
public sealed record SearchRequest(
    string Text,
    IReadOnlyDictionary<string, string> Filters,
    int Page,
    int PageSize,
    IReadOnlySet<string>? Sections = null,
    string? Status = null);
