using System.Text;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

public sealed partial class QualityTests
{
    [Theory]
    [MemberData(nameof(Pages))]
    public Task Axe_finds_no_violation(string path) => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync(path);

        await AssertAxeCleanAsync(session.Page, path);
    });

    [Fact]
    public Task Axe_finds_no_violation_on_any_page_of_the_site() => browser.RunAsync(output, async session =>
    {
        // The audited pages above are the ones readers come for; handouts, news with tables and the other pages are read too.
        var pages = HtmlPages().ToList();
        Assert.NotEmpty(pages);
        var found = new StringBuilder();
        foreach (var path in pages)
        {
            await session.Page.GotoAsync(path);
            if (await AxeAudit.ViolationsAsync(session.Page) is { Length: > 0 } violations)
            {
                found.Append(path).Append('\n').Append(violations);
            }
        }

        output.WriteLine($"axe on {pages.Count} pages: {(found.Length == 0 ? "no violations" : "violations")}");
        Assert.True(found.Length == 0, $"axe-core:\n{found}");
    });

    [Theory]
    [InlineData("A+")]
    [InlineData("A++")]
    public Task Axe_finds_no_violation_with_the_larger_text_sizes(string size) => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync(Lesson);
        var button = session.Page.GetByRole(AriaRole.Button, new() { Name = size, Exact = true });
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");

        await AssertAxeCleanAsync(session.Page, $"{Lesson} at {size}");
    });

    [Fact]
    public Task Axe_finds_no_violation_on_the_search_page_showing_results() => browser.RunAsync(output, async session =>
    {
        var search = new SearchPage(session);
        await search.GotoAsync("育儿");
        await search.WaitForResultsAsync();
        await search.HrefsAsync();

        await AssertAxeCleanAsync(session.Page, "/search/?q=育儿");
    });

    private Task AssertAxeCleanAsync(IPage page, string what) => AxeAudit.AssertCleanAsync(page, what, output);
}
