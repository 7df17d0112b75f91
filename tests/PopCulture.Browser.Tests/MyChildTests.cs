using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>
/// "My child" on the parenting pages: an age given once leads /parenting/ with that month's lessons and the next age
/// band's, marks the lessons for that age on every parenting page, survives a reload and is forgotten on 清除.
/// The clock is fixed so the age a birth date gives is known.
/// </summary>
public sealed class MyChildTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Key = "popculture:child";

    [Fact]
    public Task A_birth_date_leads_the_section_with_this_months_lessons_and_marks_them_on_lesson_pages() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.Clock.SetFixedTimeAsync("2025-06-15T10:00:00+08:00");
        await page.GotoAsync("/parenting/");

        await page.GetByLabel("出生日期").FillAsync("2024-09-01"); // nine months old on the fixed day
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await ExpectNineMonthsLeadAsync(page);
        Assert.Equal("{\"birth\":\"2024-09-01\"}", await page.EvaluateAsync<string?>($"() => localStorage.getItem('{Key}')"));
        await page.ReloadAsync();
        await ExpectNineMonthsLeadAsync(page);

        await page.GotoAsync("/parenting/crawling-6-12/");
        await Assertions.Expect(page.Locator("article [data-child-badges] .child-badge")).ToHaveTextAsync("适合您的孩子（9个月）");
        await Assertions.Expect(page.Locator("[data-child-status]")).ToContainTextAsync("您的孩子现在9个月");
        await page.GotoAsync("/parenting/tags/爬行/"); // a tag list has no panel but marks its cards
        await Assertions.Expect(page.Locator(".card").Filter(new() { HasText = "爬一爬，站一站" }).Locator(".child-badge")).ToHaveTextAsync("适合您的孩子（9个月）");
        await page.GotoAsync("/parenting/breastfeeding-0-6/");
        await Assertions.Expect(page.Locator("[data-child-status]")).ToContainTextAsync("9个月");
        Assert.Equal(0, await page.Locator(".child-badge").CountAsync());
    });

    [Fact]
    public Task An_age_in_months_grows_with_the_calendar_and_clearing_forgets_it() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.Clock.SetFixedTimeAsync("2025-06-15T10:00:00+08:00");
        await page.GotoAsync("/parenting/first-steps-1-2/");
        var badge = page.Locator("article [data-child-badges] .child-badge");

        await page.GetByText("设置孩子的月龄").ClickAsync();
        await page.GetByLabel("月龄（个月）").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(badge).ToHaveTextAsync("适合您的孩子（14个月）");

        await page.Clock.SetFixedTimeAsync("2025-08-20T10:00:00+08:00");
        await page.ReloadAsync();
        await Assertions.Expect(badge).ToHaveTextAsync("适合您的孩子（16个月）");

        await page.GetByText("设置孩子的月龄").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "清除" }).ClickAsync();
        await Assertions.Expect(badge).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>($"() => localStorage.getItem('{Key}')"));
        await page.GotoAsync("/parenting/");
        await Assertions.Expect(page.Locator("[data-my-child]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-child-lessons]")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator(".child-badge").CountAsync());
    });

    private static async Task ExpectNineMonthsLeadAsync(IPage page)
    {
        var lead = page.Locator("[data-child-lessons]");
        await Assertions.Expect(lead.Locator("[data-child-heading]")).ToHaveTextAsync("本月适合您孩子的课（9个月）");
        // Every lesson whose months hold 9, from the grid's 6–12 month row, and nothing else.
        var now = lead.Locator("[data-child-now] li a");
        await Assertions.Expect(now).ToHaveTextAsync(["宝宝的第一口辅食", "睡前小仪式", "爬一爬，站一站", "一起读图画书", "宝宝会爬了，家里安全要跟上"]);
        await Assertions.Expect(lead.Locator("[data-child-next-heading]")).ToHaveTextAsync("接下来的成长：1–2岁");
        await Assertions.Expect(lead.Locator("[data-child-next] li a").First).ToHaveTextAsync("学着自己吃饭");
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('[data-child-lessons]').compareDocumentPosition(document.querySelector('[data-lesson-grid]')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the child's lessons do not come before the grid");
        var crawling = page.Locator("[data-lesson-grid] li").Filter(new() { HasText = "爬一爬，站一站" });
        await Assertions.Expect(crawling.Locator(".child-badge")).ToHaveTextAsync("适合您的孩子（9个月）");
        var breastfeeding = page.Locator("[data-lesson-grid] li").Filter(new() { HasText = "纯母乳喂养" });
        await Assertions.Expect(breastfeeding.Locator(".child-badge")).ToHaveCountAsync(0);
    }
}
