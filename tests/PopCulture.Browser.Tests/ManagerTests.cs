using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The manager in Chromium, as an editor at a district office uses it: in Chinese, with the mouse or the keyboard.</summary>
public sealed partial class ManagerTests(ManagerFixture manager, ITestOutputHelper output) : IClassFixture<ManagerFixture>
{
    [Fact]
    public Task An_editor_signs_in_sees_the_dashboard_in_Chinese_and_pages_through_their_section() => manager.RunAsync(output, async session =>
    {
        var section = ManagerData.NewSection();
        await ManagerData.AddEntriesAsync(manager.Cms.Services, section, 60);
        var (email, password) = await ManagerData.EditorAsync(manager.Cms.Services, section);
        var page = session.Page;

        await page.GotoAsync("/manager");
        Assert.EndsWith("/manager/sign-in?returnUrl=%2Fmanager", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("工作台");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的草稿" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".count")).ToHaveTextAsync("共 60 条，第 1 / 2 页");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync("条目 059");

        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(page.Locator(".count")).ToHaveTextAsync("共 60 条，第 2 / 2 页");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("tbody tr").Last.Locator("td").First).ToHaveTextAsync("条目 000");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "第 2 页" })).ToHaveAttributeAsync("aria-current", "page");
    });

    [Fact]
    public Task The_keyboard_reaches_every_control_with_a_visible_focus_and_every_control_has_a_label() => manager.RunAsync(output, async session =>
    {
        var section = ManagerData.NewSection();
        await ManagerData.AddEntriesAsync(manager.Cms.Services, section, 3);
        var (email, password) = await ManagerData.EditorAsync(manager.Cms.Services, section);
        var page = session.Page;

        // Signing in with the keyboard alone: the skip link first, then the fields, Enter submits.
        await ManagerData.UseOwnAddressAsync(page);
        await page.GotoAsync("/manager/sign-in");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip")).ToBeFocusedAsync();
        Assert.NotEqual("none", await page.Locator(".skip").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.GetByLabel("邮箱").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("工作台");

        await page.GotoAsync($"/manager/content?section={section}");
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
              .filter(control => !(control.labels && control.labels.length) && !control.getAttribute('aria-label') && !control.textContent.trim())
              .map(control => control.outerHTML)
            """);
        Assert.Empty(unlabelled);

        // Every focus stop shows a ring: tab through the page and look at each one.
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("() => [document.activeElement.tagName, getComputedStyle(document.activeElement).outlineStyle]");
            Assert.True(focused[1] != "none", $"focus stop {i} ({focused[0]}) shows no outline");
        }
    });
}
