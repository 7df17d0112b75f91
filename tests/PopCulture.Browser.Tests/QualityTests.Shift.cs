using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

public sealed partial class QualityTests
{
    /// <summary>
    /// Nothing on the page moves while it loads, even on a slow link where the first paint comes before the deferred
    /// scripts run: what the scripts reveal (the text-size switch, "my child", the quiz's check buttons) has its place
    /// from the first paint. Lighthouse counts such a shift against the performance score; a reader loses their place.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public Task Nothing_moves_while_the_page_loads_on_a_slow_link(string path) => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        // Scripts arrive late, as on a slow phone link: the page is painted before they run.
        await page.RouteAsync("**/*.js", async route =>
        {
            await Task.Delay(600);
            await route.ContinueAsync();
        });
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        await session.Requests.WhenIdleAsync(TimeSpan.FromSeconds(30));
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.text-size') === null || !document.querySelector('.text-size').hidden"),
            "the deferred script has run");

        var shifts = await page.EvaluateAsync<string[]>("""
            () => new Promise(resolve => {
              const values = [];
              new PerformanceObserver(list => {
                for (const entry of list.getEntries()) if (!entry.hadRecentInput) values.push(entry.value.toFixed(3) + ' moving ' + entry.sources.map(s => s.node ? s.node.nodeName + (s.node.className ? '.' + s.node.className : '') : '?').join(', '));
              }).observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(values), 300);
            })
            """);
        Assert.True(shifts.Length == 0, $"{path}: layout shifts of {string.Join("; ", shifts)}");
    });
}
