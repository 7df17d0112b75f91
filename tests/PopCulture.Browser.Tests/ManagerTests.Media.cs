using System.Globalization;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The media library in Chromium: files uploaded with a progress bar each, an image described and its focal point set on it.</summary>
public sealed partial class ManagerTests
{
    [Fact]
    public Task An_editor_uploads_an_image_sets_its_alt_text_and_focal_point_on_the_image_and_sees_them_saved() => manager.RunAsync(output, async session =>
    {
        var page = session.Page;
        var name = $"park-{Guid.NewGuid():N}"[..13] + ".png";
        var folder = "m" + Guid.NewGuid().ToString("N")[..10];
        await SignInAsync(page, await ManagerData.EditorAsync(manager.Cms.Services, ManagerData.NewSection()));
        await page.GetByRole(AriaRole.Link, new() { Name = "媒体库", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("媒体库");

        // Two files at once: each gets its own bar and its own outcome, the refusal in Chinese.
        await page.GetByLabel("选择文件（可多选）").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = name, MimeType = "image/png", Buffer = WidePng() },
            new FilePayload { Name = "notes.pdf", MimeType = "application/pdf", Buffer = "只是一些文字"u8.ToArray() },
        });
        await page.GetByLabel("放入文件夹（可不填）").FillAsync(folder);
        // A marker on the window survives only if the script uploads and the page is not loaded again.
        await page.EvaluateAsync("() => { window.stillHere = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".upload-summary")).ToHaveTextAsync("上传结束：成功 1 个，失败 1 个。");
        var done = page.Locator(".upload-results li").Filter(new() { HasText = name });
        await Assertions.Expect(done).ToHaveClassAsync("upload-done");
        await Assertions.Expect(done.Locator("progress")).ToHaveJSPropertyAsync("value", 100);
        await Assertions.Expect(done.Locator(".upload-state")).ToHaveTextAsync("已上传");
        await Assertions.Expect(page.Locator(".upload-results li.upload-failed")).ToContainTextAsync("不是允许的文件类型");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillHere === true"), "the page was loaded again: the script did not upload");
        // The library below shows the new file and its folder without the page being loaded again.
        await Assertions.Expect(page.Locator(".media-grid .media-name").Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".media-folders")).ToContainTextAsync(folder);
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillHere === true"), "the page was loaded again to show the new file");

        await done.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await page.GetByLabel("替代文字（必填）").FillAsync("孩子们在人口文化园的草坪上放风筝");

        // A click a quarter across and four fifths down the picture puts the point there; an arrow key nudges it.
        var image = page.Locator(".focal-frame img");
        var box = (await image.BoundingBoxAsync())!;
        await image.ClickAsync(new() { Position = new() { X = box.Width * 0.25f, Y = box.Height * 0.8f } });
        await Assertions.Expect(page.Locator(".focal-marker")).ToBeVisibleAsync();
        Assert.InRange(await NumberAsync(page, "横向（0 左，1 右）"), 0.24, 0.26);
        Assert.InRange(await NumberAsync(page, "纵向（0 上，1 下）"), 0.79, 0.81);
        await Assertions.Expect(page.Locator(".focal-frame")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.InRange(await NumberAsync(page, "横向（0 左，1 右）"), 0.25, 0.27);
        var across = await page.GetByLabel("横向（0 左，1 右）").InputValueAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.GetByLabel("替代文字（必填）")).ToHaveValueAsync("孩子们在人口文化园的草坪上放风筝");
        await Assertions.Expect(page.GetByLabel("横向（0 左，1 右）")).ToHaveValueAsync(across);
        await Assertions.Expect(page.Locator(".focal-marker")).ToBeVisibleAsync();
        var marker = (await page.Locator(".focal-marker").BoundingBoxAsync())!;
        var shown = (await image.BoundingBoxAsync())!;
        Assert.InRange((marker.X + (marker.Width / 2) - shown.X) / shown.Width, 0.23, 0.29);
    });

    private static async Task<double> NumberAsync(IPage page, string label) =>
        double.Parse(await page.GetByLabel(label).InputValueAsync(), CultureInfo.InvariantCulture);

    private static byte[] WidePng()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(400, 300, new SixLabors.ImageSharp.PixelFormats.Rgba32(90, 160, 80, 255));
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        return stream.ToArray();
    }
}
