namespace PopCulture.Site.Templates;

/// <summary>
/// A parenting series as templates see it: on a lesson (<c>item.series</c>, with the lesson's <c>episode</c>), on its
/// page (<c>page.series</c>) and in a section's list (<c>page.section.series</c>).
/// </summary>
public sealed record SeriesView(string Name, string Title, string Summary, string Url, int Count)
{
    /// <summary>The lesson's episode number; 0 outside a lesson.</summary>
    public int Episode { get; init; }

    /// <summary>True when any episode is a sample entry: the series' running order is then illustrative too.</summary>
    public bool Sample { get; init; }
}
