using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The built demo site in Chromium: it loads, renders Chinese, and asks nothing of other hosts.</summary>
public sealed class HomePageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Home_page_loads_every_resource_from_the_site_itself() => browser.RunAsync(output, async session =>
    {
        var response = await session.Page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.Equal(200, response?.Status);
        Assert.Equal("苏州人口文化与家庭健康", await session.Page.TitleAsync());
        var fetched = await session.Requests.SinceAsync(0);
        Assert.NotEmpty(fetched);
        Assert.All(fetched, r => Assert.True(r.Status is >= 200 and < 400, r.ToString()));
    });

    [Fact]
    public Task Chinese_text_renders_with_real_glyphs_not_missing_glyph_boxes() => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync("/");

        // Without a CJK font every Han character falls back to the same missing-glyph box, so two different characters
        // drawn in the site's own font stack come out identical; with one, they differ.
        var drawn = await session.Page.EvaluateAsync<string[]>("""
            () => ['育', '儿', ''].map(text => {
              const canvas = document.createElement('canvas');
              canvas.width = 64; canvas.height = 64;
              const g = canvas.getContext('2d');
              g.font = '48px ' + getComputedStyle(document.body).fontFamily;
              g.textBaseline = 'top';
              g.fillText(text, 8, 8);
              return canvas.toDataURL();
            })
            """);

        Assert.NotEqual(drawn[2], drawn[0]);
        Assert.NotEqual(drawn[0], drawn[1]);
        Assert.Equal("zh-CN", await session.Page.GetAttributeAsync("html", "lang"));
    });

    [Fact]
    public async Task A_request_to_another_host_fails_the_test_and_leaves_a_screenshot()
    {
        var screenshot = Path.Combine(RepositoryPaths.Screenshots, $"{nameof(HomePageTests)}.{nameof(A_request_to_another_host_fails_the_test_and_leaves_a_screenshot)}.png");
        if (File.Exists(screenshot))
        {
            File.Delete(screenshot);
        }

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => browser.RunAsync(output, async session =>
        {
            await session.Page.GotoAsync("/");
            await session.Page.EvaluateAsync("() => fetch('http://cdn.example.com/tracker.js').catch(() => null)");
        }));

        Assert.Contains("cdn.example.com/tracker.js", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(screenshot), $"no screenshot at {screenshot}");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(screenshot)[..4]);
        File.Delete(screenshot);
    }
}
