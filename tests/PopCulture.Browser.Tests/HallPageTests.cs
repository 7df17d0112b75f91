using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>A hall page built without the CMS (plain static hosting): no form to post anywhere, the booking details instead.</summary>
public sealed class HallPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Without_the_cms_a_hall_page_offers_its_booking_details_and_no_request_form() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/youth-hall/kunshan-youth-hall/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "预约参观" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".callout--booking")).ToContainTextAsync("由学校统一组织");
        await Assertions.Expect(page.Locator("form.visit-form")).ToHaveCountAsync(0);
    });
}
