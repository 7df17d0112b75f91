namespace PopCulture.Cms.Search;

/// <summary>What a <see cref="SearchOrder"/> sorts by.</summary>
public enum SearchOrderBy
{
    Title,
    Updated,
    State,
}
