using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>
/// What a teacher uses in class: classroom mode on the projector (large type, one part at a time, arrow keys) and the
/// printed handout (A4, the sheet alone, no navigation).
/// </summary>
public sealed class ClassroomTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Lesson = "/adolescence/puberty-students-2-emotions/";

    private static readonly string[] SiteChrome = [".handout-nav", ".site-footer", ".text-size", ".header-search", ".handout-tools"];

    [Fact]
    public Task Classroom_mode_shows_one_part_at_a_time_and_the_arrow_keys_move_through_them() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync(Lesson);
        var sections = await page.Locator("article .prose > h2").AllTextContentsAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "课堂模式（投影用）" });
        var bodySize = await FontSizeAsync(page.Locator("article .prose > p").First);

        await button.ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeFocusedAsync();
        var visible = dialog.Locator(".classroom-part:visible");
        await Assertions.Expect(visible.Locator("h1")).ToHaveTextAsync("第二课 心情像天气");
        await Assertions.Expect(visible).ToContainTextAsync("了解青春期情绪起伏的原因"); // the objectives come with the title
        var total = sections.Count + 2; // title and objectives, one part per section, the quiz
        await Assertions.Expect(dialog.Locator(".classroom-position")).ToHaveTextAsync($"第 1 部分，共 {total} 部分");

        await page.Keyboard.PressAsync("ArrowRight");

        await Assertions.Expect(visible).ToHaveCountAsync(1);
        await Assertions.Expect(visible.Locator("h2")).ToHaveTextAsync(sections[0]);
        Assert.True(await FontSizeAsync(visible.Locator("p").First) >= bodySize * 1.3, "classroom text is not larger than the page's");
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(visible.Locator(".quiz")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "下一部分" })).ToBeDisabledAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(visible.Locator("h2")).ToHaveTextAsync(sections[^1]);
        // Students see the screen: the teacher's notes are not among the parts.
        await Assertions.Expect(dialog).Not.ToContainTextAsync("教师备课提示");
    });

    [Fact]
    public Task Leaving_classroom_mode_puts_the_lesson_back_as_it_was_with_the_quiz_answer_kept() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync(Lesson);
        var before = await page.Locator("article").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "课堂模式（投影用）" }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("先离开现场冷静一下，再想办法沟通").CheckAsync();

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "课堂模式（投影用）" })).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("先离开现场冷静一下，再想办法沟通")).ToBeCheckedAsync();
        Assert.Equal(before, await page.Locator("article").InnerTextAsync());
        await Assertions.Expect(page.Locator("article .prose > h2").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_printed_handout_is_an_a4_sheet_without_the_sites_navigation() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/adolescence/puberty-parents-2-prepare-changes/");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^打印讲义") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("青春期准备清单");

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".handout-body")).ToBeVisibleAsync();
        foreach (var chrome in SiteChrome)
        {
            await Assertions.Expect(page.Locator(chrome)).ToBeHiddenAsync();
        }

        // Chromium's own print to PDF, at the page size the stylesheet asks for: A4 is 595 × 842 points.
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
        var boxes = System.Text.RegularExpressions.Regex.Matches(pdf, @"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]");
        Assert.NotEmpty(boxes);
        Assert.All(boxes, box =>
        {
            Assert.Equal(595.3, double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1.5);
            Assert.Equal(841.9, double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 1.5);
        });
    });

    private static async Task<double> FontSizeAsync(ILocator element) =>
        await element.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
}
