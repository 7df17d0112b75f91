using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The parks section: the map drawn by the build, "open now" in Suzhou time, and the printable QR sign.</summary>
public sealed class ParkTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Kunshan = "昆山市人口文化园（示例）";

    [Fact]
    public Task A_park_found_on_the_map_opens_its_page_when_its_marker_is_clicked() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/parks/");
        var map = page.Locator("svg.park-map");
        await Assertions.Expect(map).ToBeVisibleAsync();
        // One marker per park, each a link named by the park's title.
        Assert.Equal(await page.Locator(".park-list .park-entry").CountAsync(), await map.GetByRole(AriaRole.Link).CountAsync());

        await map.GetByRole(AriaRole.Link, new() { Name = Kunshan, Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.Address, "/parks/kunshan-park/").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Kunshan);
    });

    [Fact]
    public Task The_keyboard_alone_reaches_a_marker_shows_where_it_is_and_follows_it() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/parks/");
        var marker = page.Locator("svg.park-map").GetByRole(AriaRole.Link, new() { Name = Kunshan, Exact = true });

        var reached = false;
        for (var presses = 0; presses < 120 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await marker.EvaluateAsync<bool>("a => document.activeElement === a");
        }

        Assert.True(reached, "Tab never reached the map marker");
        // Focus is visible: the marker's ring is filled in the site's focus colour.
        Assert.Equal("rgb(255, 221, 0)", await marker.Locator(".map-halo").EvaluateAsync<string>("c => getComputedStyle(c).fill"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.Address, "/parks/kunshan-park/").ToString());
    });

    [Fact]
    public Task Open_now_is_worked_out_in_suzhou_time_from_the_parks_hours() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        // Tuesday 1 December 2026, 20:30 in Suzhou.
        await page.Clock.SetFixedTimeAsync(new DateTimeOffset(2026, 12, 1, 20, 30, 0, TimeSpan.FromHours(8)).UtcDateTime);
        await page.GotoAsync("/parks/gusu-park/");

        // The demo parks are open all day (hours: always).
        await Assertions.Expect(page.Locator(".facts .open-now")).ToHaveTextAsync("现在开放");

        // A park open 9:00–17:00 on Tuesdays only, read by the same script at the same clock: closed at 20:30.
        await page.EvaluateAsync("""
            () => new Promise((resolve, reject) => {
              const spot = document.createElement('span');
              spot.className = 'open-now';
              spot.id = 'weekday-park';
              spot.hidden = true;
              spot.dataset.hours = '|540-1020|||||';
              document.querySelector('.facts dd').append(spot);
              const again = document.createElement('script');
              again.src = document.querySelector('script[src*="/js/parks."]').src + '?again';
              again.onload = resolve;
              again.onerror = reject;
              document.body.append(again);
            })
            """);

        await Assertions.Expect(page.Locator("#weekday-park")).ToHaveTextAsync("现在未开放（今天 9:00–17:00）");
        await Assertions.Expect(page.Locator("#weekday-park")).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_sign_page_prints_the_sign_alone_without_navigation() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/parks/kunshan-park/");
        await page.GetByRole(AriaRole.Link, new() { Name = "打印这处园区的二维码标牌（A4）" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.Address, "/parks/kunshan-park/sign/").ToString());
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await Assertions.Expect(nav).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印标牌" })).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(nav).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "当前位置" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印标牌" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Kunshan);
        await Assertions.Expect(page.Locator(".sign-hours")).ToHaveTextAsync("开放时间：全天开放");
        var qr = page.GetByRole(AriaRole.Img, new() { Name = $"二维码：扫码在手机上阅读“{Kunshan}”的介绍" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        // 13 cm across on A4 paper (96 CSS px to the inch); on the phone-sized test window, as wide as the sheet allows.
        var width = (await qr.BoundingBoxAsync())!.Width;
        var sheet = (await page.Locator(".park-sign").BoundingBoxAsync())!.Width;
        Assert.Equal(Math.Min(13 / 2.54 * 96, sheet), width, 0);
    });

    [Fact]
    public Task A_printed_park_page_carries_its_qr_code_though_the_screen_loads_it_only_when_scrolled_to() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/parks/kunshan-park/", new() { WaitUntil = WaitUntilState.Load });
        var qr = page.Locator(".qr-sign img");
        const string Loaded = "i => i.complete && i.naturalWidth > 0";
        Assert.False(await qr.EvaluateAsync<bool>(Loaded), "the QR code at the foot of the page loaded before anyone scrolled to it");

        // Chromium's own print to PDF: the lazy image is fetched for the printed page.
        await page.PdfAsync(new() { PreferCSSPageSize = true });
        Assert.True(await qr.EvaluateAsync<bool>(Loaded), "the printed page was made without its QR code");
    });
}
