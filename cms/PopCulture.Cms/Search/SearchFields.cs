namespace PopCulture.Cms.Search;

/// <summary>The fields of a search document, and how much a match in each text field weighs.</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Section = "section";
    public const string Slug = "slug";
    public const string Type = "type";
    public const string Title = "title";
    public const string Headings = "headings";
    public const string Tags = "tags";
    public const string Body = "body";
    public const string Summary = "summary";
    public const string Date = "date";
    public const string Status = "status";
    public const string Revision = "revision";

    // Working copies only: the manager's list sorts and slug search (see SearchDocuments.AddListFields).
    public const string SortTitle = "s.title";
    public const string SortUpdated = "s.updated";
    public const string SortState = "s.state";
    public const string SortId = "s.id";
    public const string SlugText = "s.slug";

    /// <summary>Facet fields are prefixed so a facet named like a text field (<c>tag</c>, <c>type</c>) never collides.</summary>
    public const string FacetPrefix = "f.";

    /// <summary>The text fields a query searches, title weighing most, body least.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Weighted =
    [
        (Title, 8f),
        (Headings, 4f),
        (Tags, 3f),
        (Body, 1f),
    ];

    /// <summary>Every facet the search counts and filters on; the content facets match the delivery API's.</summary>
    public static readonly IReadOnlyList<string> Facets =
        ["section", "type", "tag", "age_band", "domain", "audience", "grade_band", "district", "kind", "level"];

    public static string Facet(string name) => FacetPrefix + name;
}
