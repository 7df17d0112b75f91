namespace PopCulture.Cms.Manager;

/// <summary>One list's pager: the page shown, how many there are, and the address of any page.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link)
{
    /// <summary>
    /// The page numbers to offer: the first, the last, and two either side of this one, with 0 where a run is left out
    /// (shown as an ellipsis). A long list stays a short row that still reaches both ends in one step.
    /// </summary>
    public IReadOnlyList<int> Numbers()
    {
        var pages = new SortedSet<int> { 1, PageCount };
        for (var p = Math.Max(1, Page - 2); p <= Math.Min(PageCount, Page + 2); p++)
        {
            pages.Add(p);
        }

        var numbers = new List<int>();
        foreach (var page in pages)
        {
            if (numbers.Count > 0 && page > numbers[^1] + 1)
            {
                numbers.Add(0);
            }

            numbers.Add(page);
        }

        return numbers;
    }
}
