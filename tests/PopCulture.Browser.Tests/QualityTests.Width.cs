using System.Globalization;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

public sealed partial class QualityTests
{
    /// <summary>
    /// No page of the site is wider than a small phone's screen (320 CSS pixels), at the normal text size and at the
    /// largest (A++) older readers choose: a page that scrolls sideways hides the end of every line. Wide content (the
    /// parenting grid, tables) scrolls in its own box.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("2")]
    public Task No_page_scrolls_sideways_on_a_small_phone(string? textSize) => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.SetViewportSizeAsync(320, 640);
        if (textSize is not null)
        {
            await page.AddInitScriptAsync($"localStorage.setItem('popculture:text-size', '{textSize}')");
        }

        var pages = HtmlPages().ToList();
        Assert.NotEmpty(pages);
        var wide = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            // The page's width against the screen's, and what sticks out furthest, to say where to look.
            var found = await page.EvaluateAsync<string?>("""
                () => {
                  const screen = document.documentElement.clientWidth;
                  const width = document.documentElement.scrollWidth;
                  if (width <= screen) return null;
                  const out = [...document.querySelectorAll('body *')]
                    .map(e => [e, e.getBoundingClientRect().right])
                    .filter(([, right]) => right > screen)
                    .sort((a, b) => b[1] - a[1]).slice(0, 3)
                    .map(([e, right]) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '') + ' to ' + Math.round(right) + 'px');
                  return width + 'px wide on a ' + screen + 'px screen: ' + out.join(', ');
                }
                """);
            if (found is not null)
            {
                wide.Add($"{path}: {found}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Count} pages at 320 px, text size {(textSize is null ? "A" : "A++")}: {wide.Count} wider than the screen"));
        Assert.True(wide.Count == 0, string.Join('\n', wide));
    });
}
