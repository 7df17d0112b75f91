namespace PopCulture.Site.Templates;

/// <summary>The parenting lessons by age band × domain (<c>page.section.lesson_grid</c>): header columns and rows.</summary>
public sealed record GridView(IReadOnlyList<string> Domains, IReadOnlyList<GridRowView> Rows)
{
    /// <summary>How many lessons the grid holds.</summary>
    public int Count { get; init; }
}
