using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Media;

namespace PopCulture.Browser.Tests;

/// <summary>axe-core over every screen of the manager, as an admin sees them (the fullest set of controls).</summary>
public sealed partial class ManagerTests
{
    [Fact]
    public Task Axe_finds_no_violation_on_any_screen_of_the_manager() => manager.RunAsync(output, async session =>
    {
        var services = manager.Cms.Services;
        var section = ManagerData.NewSection();
        await ManagerData.AddEntriesAsync(services, section, 3);
        var entry = await ManagerEntryData.AddAsync(services, section, "无障碍检查的文章", "第一版。\n", "第二版。\n");
        var (editorEmail, _) = await ManagerData.EditorAsync(services, section);
        string editorId, mediaId;
        using (var scope = services.CreateScope())
        {
            editorId = (await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByEmailAsync(editorEmail))!.Id;
            using var png = new MemoryStream(Png());
            var uploaded = await scope.ServiceProvider.GetRequiredService<MediaService>().UploadAsync(
                png, "axe.png", new MediaInput("检查用图片", "一张橙色的示意图", null, null, section, null, null, null), "seed@browser.test", CancellationToken.None);
            mediaId = uploaded.Value!.Id.ToString();
        }

        var page = session.Page;
        var found = new List<string>();
        async Task CheckAsync(string path)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path}: {response?.Status}");
            if (await AxeAudit.ViolationsAsync(page) is { Length: > 0 } violations)
            {
                found.Add($"{path}:\n{violations}");
            }
        }

        await CheckAsync("/manager/sign-in");
        await SignInAsync(page, (KestrelCms.AdminEmail, KestrelCms.AdminPassword));
        string[] screens =
        [
            "/manager", $"/manager/content?section={section}", $"/manager/content?section={section}&q=条目",
            $"/manager/content/{entry}", $"/manager/content/{entry}/edit", $"/manager/content/{entry}/revisions/1",
            $"/manager/content/new?section={section}&type=parenting-lesson", "/manager/media", $"/manager/media/{mediaId}",
            "/manager/builds", "/manager/tokens", "/manager/account", "/manager/visits", "/manager/admin/users",
            "/manager/admin/users/new", $"/manager/admin/users/{editorId}", "/manager/admin/roles", "/manager/admin/audit",
            "/manager/admin/webhooks", "/manager/admin/webhooks/new",
        ];
        foreach (var screen in screens)
        {
            await CheckAsync(screen);
        }

        output.WriteLine($"axe over {screens.Length + 1} manager screens: {found.Count} with violations");
        Assert.True(found.Count == 0, "axe-core found violations:\n" + string.Join('\n', found));
    });
}
