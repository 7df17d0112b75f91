using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The A / A+ / A++ switch every page carries for older readers: it enlarges the text and is remembered.</summary>
public sealed class TextSizeTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task The_largest_text_size_is_kept_on_the_next_page_and_after_a_reload() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/");
        var standard = await RootFontSizeAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "A++", Exact = true }).ClickAsync();

        Assert.True(await RootFontSizeAsync(page) >= standard * 1.3, "A++ did not enlarge the text");
        await page.GotoAsync("/parenting/");
        Assert.Equal(await RootFontSizeAsync(page), standard * 143.75 / 106.25, 1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "A++", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ReloadAsync();
        Assert.Equal(await RootFontSizeAsync(page), standard * 143.75 / 106.25, 1);
    });

    [Fact]
    public Task Without_javascript_the_switch_that_could_not_work_is_not_shown() => browser.RunAsync(output, async session =>
    {
        await using var context = await session.Page.Context.Browser!.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = browser.Address.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator(".text-size")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-header")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Choosing_the_standard_size_again_forgets_the_choice() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/adolescence/");
        var standard = await RootFontSizeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "A+", Exact = true }).ClickAsync();
        Assert.True(await RootFontSizeAsync(page) > standard);

        await page.GetByRole(AriaRole.Button, new() { Name = "A", Exact = true }).ClickAsync();
        await page.GotoAsync("/parks/");

        Assert.Equal(standard, await RootFontSizeAsync(page), 1);
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('popculture:text-size')"));
    });

    private static Task<double> RootFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
}
