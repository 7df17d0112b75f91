using PopCulture.Cms.Content;

namespace PopCulture.Cms.Search;

/// <summary>A page of results in rank order, with the total and the facet counts over every match.</summary>
public sealed record SearchResults(
    string Query,
    IReadOnlyList<SearchHit> Items,
    int Page,
    int PageSize,
    int Total,
    IReadOnlyDictionary<string, IReadOnlyList<TermCount>> Facets);
