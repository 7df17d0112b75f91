using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PopCulture.Cms.Identity;

namespace PopCulture.Browser.Tests;

/// <summary>The editing form in Chromium: a parenting lesson with an uploaded image written by an author, a stale save caught, the live preview.</summary>
public sealed partial class ManagerTests
{
    [Fact]
    public Task An_authors_parenting_lesson_with_an_uploaded_image_is_approved_published_and_shown_on_the_public_site() => manager.RunAsync(output, async session =>
    {
        var section = ManagerData.NewSection();
        var services = manager.Cms.Services;
        await ManagerData.AddEntriesAsync(services, section, 1);
        var page = session.Page;

        await SignInAsync(page, await ManagerData.UserAsync(services, Roles.Author, section));
        await page.GotoAsync($"/manager/content?section={section}");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建内容" }).ClickAsync();
        await page.GetByLabel("内容类型").SelectOptionAsync(new SelectOptionValue { Label = "科学育儿课" });
        await page.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();

        await page.GetByLabel("网址名").FillAsync("first-words");
        await page.GetByLabel("标题").FillAsync("宝宝的第一句话（示例）");
        await page.GetByLabel("月龄段").SelectOptionAsync("1–2岁");
        await page.GetByLabel("起始月龄").FillAsync("6");
        await page.GetByLabel("结束月龄").FillAsync("18");
        await page.GetByLabel("领域").SelectOptionAsync("语言");
        await page.GetByLabel("正文（Markdown）").FillAsync("## 多和宝宝说话\n\n每天给宝宝讲讲身边的事。\n\n");

        // An image uploaded from the file field: the alt text is asked for, and required, before it goes in.
        await page.GetByLabel("上传图片").SetInputFilesAsync(new FilePayload { Name = "picture-book.png", MimeType = "image/png", Buffer = Png() });
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "插入图片" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "插入", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog.Locator("#image-error")).ToHaveTextAsync("请填写图片说明（替代文字），供看不见图片的读者使用。");
        await dialog.GetByLabel("图片说明（必填）").FillAsync("妈妈给宝宝读绘本");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "插入", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("正文（Markdown）")).ToHaveValueAsync(new Regex(@"!\[妈妈给宝宝读绘本\]\(/media/[0-9a-f]{32}\.png\)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        // 6 months lies outside the 1–2 years band: the error is next to the field, linked from the summary, values kept.
        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("月龄范围：月龄须在所选月龄段 1–2岁（12–24 月）之内。");
        await Assertions.Expect(page.GetByLabel("起始月龄")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("标题")).ToHaveValueAsync("宝宝的第一句话（示例）");
        await Assertions.Expect(page.GetByLabel("正文（Markdown）")).ToHaveValueAsync(new Regex(@"!\[妈妈给宝宝读绘本\]\(/media/"));
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("起始月龄")).ToBeFocusedAsync();
        await page.GetByLabel("起始月龄").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("已创建草稿。");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("宝宝的第一句话（示例）");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(page.Locator(".properties .state")).ToHaveTextAsync("待审核");
        await Assertions.Expect(page.Locator("pre.body")).ToContainTextAsync("![妈妈给宝宝读绘本](/media/");
        var entryUrl = page.Url;

        // The reviewer approves it for a later date; the editor then publishes it at once.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, await ManagerData.UserAsync(services, Roles.Reviewer, section));
        await page.GotoAsync(entryUrl);
        await page.GetByLabel("发布时间（可选）").FillAsync("2100-01-01T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "审核通过并发布" }).ClickAsync();
        await Assertions.Expect(page.Locator(".properties .state")).ToHaveTextAsync("已排期");
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, await ManagerData.EditorAsync(services, section));
        await page.GotoAsync(entryUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).ClickAsync();
        await Assertions.Expect(page.Locator(".properties .state")).ToHaveTextAsync("已发布");

        // The build the publish asked for goes live at the CMS's root: the lesson, with its picture and alt text.
        await OpenOnceBuiltAsync(page, $"/{section}/first-words/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("宝宝的第一句话（示例）");
        var picture = page.GetByRole(AriaRole.Img, new() { Name = "妈妈给宝宝读绘本" });
        await Assertions.Expect(picture).ToBeVisibleAsync();
        Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the uploaded picture loads on the public page");
    });

    /// <summary>Opens <paramref name="path"/> of the built site once a build has put it there (builds run in the background).</summary>
    private static async Task OpenOnceBuiltAsync(IPage page, string path)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await page.GotoAsync(path);
            if (response is { Ok: true } || DateTime.UtcNow > until)
            {
                Assert.True(response?.Ok, $"{path} was not built within a minute of publishing (last status {response?.Status})");
                return;
            }

            await Task.Delay(500);
        }
    }

    [Fact]
    public Task Rows_of_objectives_are_added_and_removed_in_the_page_and_saved_in_their_order() => manager.RunAsync(output, async session =>
    {
        var section = ManagerData.NewSection();
        var page = session.Page;

        await SignInAsync(page, await ManagerData.EditorAsync(manager.Cms.Services, section));
        await page.GotoAsync($"/manager/content/new?section={section}&type=lesson");
        await page.GetByLabel("网址名").FillAsync("lesson-one");
        await page.GetByLabel("标题").FillAsync("第一课（示例）");
        await page.GetByLabel("发布日期").FillAsync("2024-09-01");
        await page.GetByLabel("所属课程").FillAsync("growing-up");
        await page.Locator("#f-order").FillAsync("1");
        var objectives = page.Locator("#f-objectives");
        await page.Locator("#f-objectives-0").FillAsync("先写的目标");
        // A marker on the window survives only if the page is not loaded again: the rows change in the page itself.
        await page.EvaluateAsync("() => { window.stillHere = true; }");
        await objectives.GetByRole(AriaRole.Button, new() { Name = "为教学目标添加一项" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-objectives-1")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("label[for=f-objectives-1]")).ToContainTextAsync("第 2 项");
        await page.Keyboard.TypeAsync("认识青春期的变化");
        await objectives.GetByRole(AriaRole.Button, new() { Name = "删除此项：教学目标第 1 项" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillHere === true"));
        await Assertions.Expect(page.Locator("#f-objectives-0")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#f-objectives-1")).ToHaveValueAsync("认识青春期的变化");
        await Assertions.Expect(page.Locator("label[for=f-objectives-1]")).ToContainTextAsync("第 1 项"); // numbered by place
        await page.GetByRole(AriaRole.Button, new() { Name = "为教学目标添加一项" }).ClickAsync();
        await page.Keyboard.TypeAsync("学会保护自己");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("已创建草稿。");
        await Assertions.Expect(page.Locator("#front-matter + pre")).ToContainTextAsync(new Regex("\"objectives\": \\[\\s*\"认识青春期的变化\",\\s*\"学会保护自己\"\\s*\\]"));
    });

    private static byte[] Png()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(64, 48, new SixLabors.ImageSharp.PixelFormats.Rgba32(230, 160, 60, 255));
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        return stream.ToArray();
    }

    [Fact]
    public Task A_stale_save_shows_the_conflict_warning_and_keeps_the_editors_text() => manager.RunAsync(output, async session =>
    {
        var section = ManagerData.NewSection();
        var services = manager.Cms.Services;
        var id = await ManagerEntryData.AddAsync(services, section, "两人同时编辑的文章", "正文。\n");
        var page = session.Page;

        await SignInAsync(page, await ManagerData.EditorAsync(services, section));
        await page.GotoAsync($"/manager/content/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑", Exact = true }).ClickAsync();
        await page.GetByLabel("标题").FillAsync("我改的标题");
        // The live preview: the site's theme renders the unsaved form in the sandboxed frame once typing pauses.
        await Assertions.Expect(page.FrameLocator("#preview-frame").Locator("h1")).ToHaveTextAsync("我改的标题");

        // A colleague saves in another tab meanwhile.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync($"/manager/content/{id}/edit");
        await other.GetByLabel("标题").FillAsync("同事改的标题");
        await other.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(other.Locator("p.notice[role=status]")).ToHaveTextAsync("已保存。");
        await other.CloseAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        var conflict = page.Locator("#conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("有人在你编辑期间保存了此条目");
        await Assertions.Expect(conflict).ToContainTextAsync("保存了第 2 版；你的修改基于第 1 版，尚未保存");
        await Assertions.Expect(page.GetByLabel("标题")).ToHaveValueAsync("我改的标题");
        await Assertions.Expect(conflict.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Regex($"/manager/content/{id}/revisions/1$"));

        await conflict.GetByRole(AriaRole.Button, new() { Name = "仍然保存（覆盖对方的修改）" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("我改的标题");
    });
}
