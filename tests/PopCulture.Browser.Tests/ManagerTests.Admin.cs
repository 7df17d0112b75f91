using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>An admin gives a new colleague one section; the colleague, signed in on another browser, works there and nowhere else.</summary>
public sealed partial class ManagerTests
{
    [Fact]
    public Task An_admin_creates_a_section_limited_editor_who_cannot_open_another_sections_list() => manager.RunAsync(output, async session =>
    {
        var page = session.Page;
        var email = $"parenting-{Guid.NewGuid():N}@browser.test";
        const string password = "Parenting-Passw0rd";
        await SignInAsync(page, (KestrelCms.AdminEmail, KestrelCms.AdminPassword));

        await page.GetByRole(AriaRole.Link, new() { Name = "用户", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("用户");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建用户" }).ClickAsync();
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main input:not([type=hidden]), main button')]
              .filter(control => !(control.labels && control.labels.length) && !control.textContent.trim())
              .map(control => control.outerHTML)
            """);
        Assert.Empty(unlabelled);
        await page.GetByLabel("邮箱", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("显示名称").FillAsync("育儿栏目编辑");
        await page.GetByLabel("初始密码").FillAsync(password);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "编辑", Exact = true }).CheckAsync();
        var sections = page.GetByRole(AriaRole.Group, new() { Name = "编辑的栏目范围" });
        await sections.GetByRole(AriaRole.Radio, new() { Name = "仅限以下选中的栏目" }).CheckAsync();
        await sections.GetByRole(AriaRole.Checkbox, new() { Name = "0～3岁科学育儿 (parenting)" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "创建用户" }).ClickAsync();

        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("已创建用户。");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(email);

        // The colleague signs in on a browser of their own: a new context shares no cookie with the admin's.
        await using var other = await page.Context.Browser!.NewContextAsync(new() { BaseURL = manager.Address.ToString(), Locale = "zh-CN" });
        var editor = await other.NewPageAsync();
        await SignInAsync(editor, (email, password));
        await Assertions.Expect(editor.GetByRole(AriaRole.Link, new() { Name = "用户", Exact = true })).ToHaveCountAsync(0);

        var own = await editor.GotoAsync("/manager/content?section=parenting");
        Assert.Equal(200, own?.Status);
        var refused = await editor.GotoAsync("/manager/content?section=news");
        Assert.Equal(403, refused?.Status);
        Assert.Contains("/manager/denied", editor.Url, StringComparison.Ordinal);
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("无权访问");
        await Assertions.Expect(editor.Locator("tbody tr")).ToHaveCountAsync(0);
    });
}
