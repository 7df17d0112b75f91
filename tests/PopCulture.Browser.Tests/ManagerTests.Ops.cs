using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>An admin rebuilds the whole site from the build history and finds that request in the audit log.</summary>
public sealed partial class ManagerTests
{
    private static readonly string[] OpsScreens = ["/manager/admin/audit", "/manager/admin/webhooks/new", "/manager/builds"];

    [Fact]
    public Task An_admin_rebuilds_the_whole_site_sees_the_build_listed_and_finds_it_in_the_audit_log() => manager.RunAsync(output, async session =>
    {
        var page = session.Page;
        await SignInAsync(page, (KestrelCms.AdminEmail, KestrelCms.AdminPassword));

        await page.GetByRole(AriaRole.Link, new() { Name = "站点构建", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("站点构建");
        await page.GetByRole(AriaRole.Button, new() { Name = "全部重新生成" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("已请求全部重新生成。构建很快开始，结果会出现在下面的列表中。");

        // The build starts a moment after the request; the history shows it from then on.
        var row = page.Locator("table.builds-table tbody tr").Filter(new() { HasText = $"{KestrelCms.AdminEmail} 要求全部重新生成" });
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await row.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the full rebuild was not listed within 90 s");
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await Assertions.Expect(row.First).ToContainTextAsync("全部重新生成");

        await page.GetByRole(AriaRole.Link, new() { Name = "审计日志", Exact = true }).ClickAsync();
        await page.GetByLabel("操作", new() { Exact = true }).FillAsync("site.");
        await page.GetByLabel("用户邮箱", new() { Exact = true }).FillAsync(KestrelCms.AdminEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();

        var entries = page.Locator("table.audit-table tbody tr");
        await Assertions.Expect(entries).ToHaveCountAsync(1);
        await Assertions.Expect(entries.First).ToContainTextAsync("site.rebuild");
        await Assertions.Expect(entries.First).ToContainTextAsync(KestrelCms.AdminEmail);
        await Assertions.Expect(page.Locator(".count")).ToHaveTextAsync("共 1 条，第 1 / 1 页");

        // Every control of the admin screens has a name for screen readers.
        foreach (var path in OpsScreens)
        {
            await page.GotoAsync(path);
            var unlabelled = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
                  .filter(control => !(control.labels && control.labels.length) && !control.getAttribute('aria-label') && !control.textContent.trim())
                  .map(control => control.outerHTML)
                """);
            Assert.True(unlabelled.Length == 0, $"{path}: {string.Join(" ", unlabelled)}");
        }
    });
}
