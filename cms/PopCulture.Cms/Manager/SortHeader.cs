namespace PopCulture.Cms.Manager;

/// <summary>A sortable column header of a content list: its label, the link that sorts by it, and its <c>aria-sort</c>.</summary>
public sealed record SortHeader(ContentSort Column, string Label, string? Link, string? AriaSort);
