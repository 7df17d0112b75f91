using PopCulture.Cms.Content;

namespace PopCulture.Cms.Manager;

/// <summary>One facet a list can be narrowed by: its name, the value chosen (if any), and each value with its count.</summary>
public sealed record FacetFilter(string Name, string? Selected, IReadOnlyList<TermCount> Values);
