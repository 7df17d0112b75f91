using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

public sealed partial class QualityTests
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(QualityTools.AxeScript));

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Axe_finds_no_violation(string path) => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync(path);

        await AssertAxeCleanAsync(session.Page, path);
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

    /// <summary>Runs axe-core in the page (injected from the npm package, nothing fetched) and fails listing each violation.</summary>
    private async Task AssertAxeCleanAsync(IPage page, string what)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Axe.Value });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\s+/g, ' ')),
            }))
            """);
        var text = new StringBuilder();
        foreach (var violation in violations.EnumerateArray())
        {
            text.Append(CultureInfo.InvariantCulture, $"{violation.GetProperty("id")} ({violation.GetProperty("impact")}): {violation.GetProperty("help")}\n");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                text.Append(CultureInfo.InvariantCulture, $"    {node.GetString()}\n");
            }
        }

        output.WriteLine($"axe on {what}: {violations.GetArrayLength()} violations");
        Assert.True(violations.GetArrayLength() == 0, $"axe-core on {what}:\n{text}");
    }
}
