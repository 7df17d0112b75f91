using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>One age band of the parenting grid and its cells, one per domain.</summary>
public sealed record ParentingGridRow(AgeBand Band, IReadOnlyList<ParentingGridCell> Cells);
