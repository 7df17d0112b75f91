namespace PopCulture.Site.Templates;

/// <summary>
/// The lessons of one age band and domain: the first <see cref="SectionView.MaxGridCell"/> of <see cref="Count"/>;
/// <see cref="Lessons"/> is empty when there are none. <see cref="MoreUrl"/> searches the rest by the same filters.
/// </summary>
public sealed record GridCellView(string Domain, IReadOnlyList<ItemView> Lessons, int Count, string MoreUrl);
