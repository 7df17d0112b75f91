using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>A course page marks the lessons this browser has read, and only those; nothing leaves the browser.</summary>
public sealed class LessonsReadTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_course_page_marks_the_lesson_the_reader_opened_as_read() => browser.RunAsync(output, async session =>
    {
        var page = session.Page;
        await page.GotoAsync("/adolescence/puberty-students-2-emotions/");
        await page.WaitForFunctionAsync("() => (localStorage.getItem('popculture:read') || '').includes('emotions')");

        await page.GotoAsync("/adolescence/puberty-students/");

        var lessons = page.Locator("[data-read-list] li");
        await Assertions.Expect(lessons.Filter(new() { HasText = "心情像天气" }).Locator(".read-mark")).ToHaveTextAsync("已读");
        Assert.Equal(1, await page.Locator("[data-read-list] .read-mark").CountAsync());
    });
}
