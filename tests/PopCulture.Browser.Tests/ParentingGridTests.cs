using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The lessons by age band × domain on /parenting/, the 育乐园 series pages and the sites by district.</summary>
public sealed class ParentingGridTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_grid_cell_links_to_the_lesson_of_its_age_band_and_domain() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/parenting/");
        var grid = page.Locator("[data-lesson-grid]");

        await Assertions.Expect(grid.Locator("tbody th[scope=row]")).ToHaveTextAsync(["0–6月", "6–12月", "1–2岁", "2–3岁"]);
        await Assertions.Expect(grid.Locator("thead th[scope=col]")).ToHaveTextAsync(["年龄段", "营养喂养", "睡眠", "动作发展", "语言", "社会情感", "健康安全"]);
        // Each cell has lessons or says it has none.
        Assert.True(await grid.EvaluateAsync<bool>("t => [...t.querySelectorAll('tbody td')].every(c => c.querySelector('a[data-months]') || c.querySelector('.grid-empty'))"));

        var motorAt6To12 = grid.Locator("tbody tr").Nth(1).Locator("td").Nth(2);
        await motorAt6To12.GetByRole(AriaRole.Link, new() { Name = "爬一爬，站一站" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.Address, "/parenting/crawling-6-12/").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("爬一爬，站一站");
    });

    [Fact]
    public Task The_yuleyuan_series_lists_its_episodes_in_order_and_each_links_to_the_previous_and_next() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/parenting/");
        await page.GetByRole(AriaRole.Link, new() { Name = "“育乐园”电视课堂" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("“育乐园”电视课堂");
        await Assertions.Expect(page.Locator(".sample-note")).ToContainTextAsync("示例");
        var episodes = page.Locator(".episode-list > li");
        await Assertions.Expect(episodes).ToHaveCountAsync(12);
        await Assertions.Expect(episodes.Locator(".episode-number").First).ToHaveTextAsync("第 1 集");

        await episodes.Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("仰着睡最安全");
        await Assertions.Expect(page.Locator(".callout--episode")).ToContainTextAsync("第 2 集（共 12 集）");
        await Assertions.Expect(page.Locator("a[rel=prev]")).ToContainTextAsync("纯母乳喂养");

        await page.Locator("a[rel=next]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("趴一趴，练抬头");
        await page.Locator("a[rel=prev]").ClickAsync();
        await page.Locator("a[rel=prev]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("纯母乳喂养，从第一口开始");
        await Assertions.Expect(page.Locator("a[rel=prev]")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Program_sites_are_grouped_by_district_in_the_districts_order_with_their_kind() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/parenting/");
        await page.GetByRole(AriaRole.Link, new() { Name = "按地区找科学育儿示范基地与项目点" }).ClickAsync();

        var groups = page.Locator(".district-group");
        await Assertions.Expect(groups.Locator("h3")).ToHaveTextAsync([
            new System.Text.RegularExpressions.Regex("^姑苏区"), new("^虎丘区"), new("^相城区"), new("^吴江区"),
            new("^苏州工业园区"), new("^常熟市"), new("^太仓市")]);
        var gusu = groups.First.Locator("li");
        await Assertions.Expect(gusu.Locator(".badge--kind")).ToHaveTextAsync("示范基地");
        await gusu.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("姑苏区");
    });
}
