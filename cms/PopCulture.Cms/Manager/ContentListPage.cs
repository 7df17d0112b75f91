namespace PopCulture.Cms.Manager;

/// <summary>One page of a content list, the page it is (after clamping) and how many there are.</summary>
public sealed record ContentListPage(IReadOnlyList<EntryRow> Rows, int Page, int PageCount, int Total);
