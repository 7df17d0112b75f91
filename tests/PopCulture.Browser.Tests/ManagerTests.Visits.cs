using Microsoft.Playwright;
using PopCulture.Cms.Identity;
using PopCulture.Site.Content;

namespace PopCulture.Browser.Tests;

/// <summary>A teacher requests a class visit from a hall's page on the CMS-served site; the hall's editor reads it in the manager.</summary>
public sealed partial class ManagerTests
{
    private const string HallPage = "/youth-hall/kunshan-youth-hall/";

    [Fact]
    public Task A_teachers_visit_request_is_checked_on_the_page_and_then_listed_for_the_halls_editor() => manager.RunAsync(output, async session =>
    {
        var page = session.Page;
        var school = "苏州市实验初级中学" + Guid.NewGuid().ToString("N")[..4];
        await OpenBuiltPageAsync(page, HallPage);
        var form = page.Locator("form.visit-form");
        await form.GetByLabel("学校名称（必填）").FillAsync(school);
        await form.GetByLabel("联系老师（必填）").FillAsync("李老师");
        await form.GetByLabel("学生人数（必填）").FillAsync("45");
        await form.GetByLabel("希望参观的日期（必填）").FillAsync(DateTime.Now.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var grade = form.GetByLabel("年级（选填）");
        await Assertions.Expect(grade.Locator("option")).ToHaveTextAsync(["请选择", .. Vocabulary.GradeBands]);
        await grade.SelectOptionAsync("初中");
        await form.GetByLabel("同意场馆使用以上信息与我联系").CheckAsync();

        // The phone number is missing: the server's message appears next to the field, and the summary takes focus.
        await form.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var phone = form.GetByLabel("联系电话（必填）");
        await Assertions.Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.Locator("#visit-phone-error")).ToHaveTextAsync("请填写联系电话。");
        await Assertions.Expect(form.Locator(".visit-errors")).ToBeFocusedAsync();

        await phone.FillAsync("0512-5555 0000");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Assertions.Expect(page.Locator(".visit-sent")).ToContainTextAsync("已收到您的申请");
        await Assertions.Expect(form).ToBeHiddenAsync();

        await SignInAsync(page, await ManagerData.EditorAsync(manager.Cms.Services, "youth-hall"));
        await page.GetByRole(AriaRole.Link, new() { Name = "参观申请" }).ClickAsync();
        var row = page.Locator("tbody tr").Filter(new() { HasText = school });
        await Assertions.Expect(row).ToContainTextAsync("昆山市青少年健康教育馆（示例）");
        await Assertions.Expect(row).ToContainTextAsync("0512-5555 0000");
        await Assertions.Expect(row).ToContainTextAsync("45 名学生 初中");
    });

    [Fact]
    public Task An_editor_of_another_section_neither_sees_nor_opens_the_visit_requests() => manager.RunAsync(output, async session =>
    {
        var page = session.Page;
        await SignInAsync(page, await ManagerData.EditorAsync(manager.Cms.Services, "parenting"));

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "参观申请" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/manager/visits");
        Assert.NotEqual(200, response?.Status);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("希望参观日期");
    });

    /// <summary>Opens a page of the site the CMS builds at start-up, waiting for that first build if it is still running.</summary>
    private static async Task OpenBuiltPageAsync(IPage page, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await page.GotoAsync(path))?.Status != 200)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} was not built within 90 s");
            await Task.Delay(500);
        }
    }
}
