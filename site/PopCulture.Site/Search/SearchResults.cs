namespace PopCulture.Site.Search;

/// <summary>The ranked hits of a query, and per facet the values present among them with their counts.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, int>>> Facets)
{
    public static readonly SearchResults Empty = new([], new Dictionary<string, IReadOnlyList<KeyValuePair<string, int>>>());
}
