using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>The lessons of one age band and one domain; empty when there are none yet.</summary>
public sealed record ParentingGridCell(string Domain, IReadOnlyList<ContentItem> Lessons);
