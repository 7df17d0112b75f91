namespace PopCulture.Site.Search;

/// <summary>One ranked result of <see cref="SearchEngine"/>.</summary>
public sealed record SearchHit(int Id, string Url, string Title, double Score);
