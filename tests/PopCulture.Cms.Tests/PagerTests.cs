using PopCulture.Cms.Manager;

namespace PopCulture.Cms.Tests;

/// <summary>The manager's lists offer the first and last page and two either side of the current one, with gaps marked.</summary>
public sealed class PagerTests
{
    [Theory]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(1, 3, new[] { 1, 2, 3 })]
    [InlineData(1, 10, new[] { 1, 2, 3, 0, 10 })]
    [InlineData(4, 7, new[] { 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(5, 10, new[] { 1, 0, 3, 4, 5, 6, 7, 0, 10 })]
    [InlineData(10, 10, new[] { 1, 0, 8, 9, 10 })]
    public void The_pager_numbers_reach_both_ends_around_the_current_page(int page, int count, int[] numbers)
    {
        var pager = new Pager(page, count, n => "/list?page=" + n);
        Assert.Equal(numbers, pager.Numbers());
    }

    [Fact]
    public void A_page_past_the_end_still_offers_the_first_and_last_page()
    {
        // An old bookmark can ask for a page the list no longer has.
        Assert.Equal([1, 2], new Pager(9, 2, n => "/list?page=" + n).Numbers());
    }
}
