namespace PopCulture.Cms.Search;

/// <summary>An order for results other than relevance: by a working copy's title, last change or workflow state.</summary>
public sealed record SearchOrder(SearchOrderBy By, bool Descending);
