namespace PopCulture.Site.Templates;

/// <summary>One age band of the grid: its label, its months (<c>from</c> inclusive, <c>to</c> exclusive but for the last band) and its cells.</summary>
public sealed record GridRowView(string Band, int From, int To, IReadOnlyList<GridCellView> Cells);
