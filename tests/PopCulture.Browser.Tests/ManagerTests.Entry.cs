using Microsoft.Playwright;
using PopCulture.Cms.Identity;

namespace PopCulture.Browser.Tests;

/// <summary>The entry's working page in Chromium: the workflow by its buttons, a preview link, a revision restored.</summary>
public sealed partial class ManagerTests
{
    [Fact]
    public Task An_author_submits_a_reviewer_approves_for_later_and_an_editor_publishes_now_by_the_buttons() => manager.RunAsync(output, async session =>
    {
        var section = ManagerData.NewSection();
        var services = manager.Cms.Services;
        var id = await ManagerEntryData.AddAsync(services, section, "走完流程的文章", "正文。\n");
        var page = session.Page;
        var state = page.Locator(".properties .state");
        var done = page.Locator("p.notice[role=status]");

        await SignInAsync(page, await ManagerData.UserAsync(services, Roles.Author, section));
        await page.GotoAsync($"/manager/content/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "立即发布" })).ToHaveCountAsync(0);
        // The copy button comes from the manager's own script module: its showing proves the CSP lets it run.
        await page.GetByRole(AriaRole.Button, new() { Name = "生成预览链接" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("预览链接")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{manager.Address}preview/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "复制链接" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preview-copied")).ToHaveTextAsync("已复制。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(done).ToHaveTextAsync("已提交审核。");
        await Assertions.Expect(state).ToHaveTextAsync("待审核");

        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, await ManagerData.UserAsync(services, Roles.Reviewer, section));
        await page.GotoAsync($"/manager/content/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "立即发布" })).ToHaveCountAsync(0);
        await page.GetByLabel("发布时间（可选）").FillAsync("2100-01-01T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "审核通过并发布" }).ClickAsync();
        await Assertions.Expect(done).ToHaveTextAsync("已安排定时发布。");
        await Assertions.Expect(state).ToHaveTextAsync("已排期");

        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, await ManagerData.EditorAsync(services, section));
        await page.GotoAsync($"/manager/content/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).ClickAsync();
        await Assertions.Expect(done).ToHaveTextAsync("已发布，网站正在更新。");
        await Assertions.Expect(state).ToHaveTextAsync("已发布");
    });

    [Fact]
    public Task An_editor_restores_an_old_revision_from_its_side_by_side_diff() => manager.RunAsync(output, async session =>
    {
        var section = ManagerData.NewSection();
        var id = await ManagerEntryData.AddAsync(manager.Cms.Services, section, "有旧版本的文章", "第一行\n旧的第二行\n", "第一行\n新的第二行\n");
        var page = session.Page;

        await SignInAsync(page, await ManagerData.EditorAsync(manager.Cms.Services, section));
        await page.GotoAsync($"/manager/content/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "与当前版本比较第 1 版" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("第 1 版与当前版本（第 2 版）的差异");
        var changed = page.Locator("table.diff tbody tr.changed");
        await Assertions.Expect(changed).ToHaveCountAsync(1);
        await Assertions.Expect(changed.Locator("td.del")).ToContainTextAsync("旧的第二行");
        await Assertions.Expect(changed.Locator("td.ins")).ToContainTextAsync("新的第二行");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "当前版本（第 2 版）" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "恢复第 1 版" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("已恢复。");
        await Assertions.Expect(page.Locator("pre.body")).ToContainTextAsync("旧的第二行");
        await Assertions.Expect(page.Locator("#revisions ~ div tbody tr")).ToHaveCountAsync(3);
    });

    private static async Task SignInAsync(IPage page, (string Email, string Password) user)
    {
        await ManagerData.UseOwnAddressAsync(page);
        await page.GotoAsync("/manager/sign-in");
        await page.GetByLabel("邮箱").FillAsync(user.Email);
        await page.GetByLabel("密码").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("工作台");
    }
}
