using System.Net;
using AngleSharp.Html.Dom;

namespace PopCulture.Cms.Tests;

/// <summary>
/// A media item's page in the manager: its description saved (alt text required for images, errors next to their
/// fields in Chinese), the focal point, the entries using it, and deletion only once none does.
/// </summary>
public abstract class ManagerMediaItemTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task An_image_is_not_saved_without_alt_text_and_then_saves_its_description_and_focal_point()
    {
        var id = await ManagerMediaData.UploadAsync(cms);
        var url = $"/manager/media/{id}";
        using var author = await ManagerVisitor.SignedInAsync(cms, "author");

        var (refused, page) = await ManagerForm.PostAsync(author, url, await author.PageAsync(url), Form(new() { ["alt"] = " ", ["title"] = new string('长', 201), ["folder"] = "Parks", ["focalX"] = "left" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("请填写替代文字：图片必须有替代文字，供看不见图片的读者使用。", Error(page, "alt"));
        Assert.Equal("true", page.QuerySelector("#media-alt")!.GetAttribute("aria-invalid"));
        Assert.Equal("请填写 0 到 1 之间的数。", Error(page, "focalX"));
        Assert.Equal(new string('长', 201), page.QuerySelector("#media-title")!.GetAttribute("value"));
        Assert.Null((await ManagerMediaData.FindAsync(cms, id))!.Title);

        // With the alt text given, the service's own checks speak, in Chinese, next to their fields.
        var (stillRefused, again) = await ManagerForm.PostAsync(author, url, page, Form(new() { ["alt"] = "孩子们在公园里", ["focalX"] = "0.5" }));
        Assert.Equal(HttpStatusCode.BadRequest, stillRefused.StatusCode);
        Assert.Equal("最多 200 个字。", Error(again, "title"));
        Assert.StartsWith("文件夹名只能用小写英文字母", Error(again, "folder"), StringComparison.Ordinal);
        Assert.Equal(2, again.QuerySelectorAll("#error-summary li").Length);

        var (saved, _) = await ManagerForm.PostAsync(author, url, again, Form(new()
        {
            ["alt"] = "孩子们在人口文化园里做游戏", ["title"] = "园中游戏", ["caption"] = "园里的游戏", ["folder"] = "parks/gusu", ["tags"] = "公园，儿童, 游戏",
            ["focalX"] = "0.25", ["focalY"] = "0.8",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{url}?saved=true", saved.Headers.Location!.OriginalString);
        var shown = await author.PageAsync($"{url}?saved=true");
        Assert.Equal("已保存。", shown.QuerySelector("p.notice")!.TextContent.Trim());
        Assert.Equal("孩子们在人口文化园里做游戏", shown.QuerySelector("#media-alt")!.TextContent);
        Assert.Equal("0.25", shown.QuerySelector("#media-focalX")!.GetAttribute("value"));
        var item = (await ManagerMediaData.FindAsync(cms, id))!;
        Assert.Equal((0.25, 0.8, "parks/gusu", "公园,儿童,游戏", "园中游戏", "园里的游戏"), (item.FocalX, item.FocalY, item.Folder, item.Tags, item.Title, item.Caption));
        var preview = shown.QuerySelector(".focal-frame img")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await author.Client.GetAsync(preview)).StatusCode);

        // An emptied field is cleared, not kept.
        var (cleared, _) = await ManagerForm.PostAsync(author, url, new Dictionary<string, string?> { ["caption"] = "", ["tags"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        var after = (await ManagerMediaData.FindAsync(cms, id))!;
        Assert.Equal(((string?)null, "", "孩子们在人口文化园里做游戏", 0.25), (after.Caption, after.Tags, after.Alt, after.FocalX));
    }

    [Fact]
    public async Task The_page_lists_the_entries_using_the_item_and_refuses_to_delete_it_while_they_do()
    {
        var section = ApiJson.NewSection();
        var used = await ManagerMediaData.UploadAsync(cms, alt: "义诊现场");
        var unused = await ManagerMediaData.UploadAsync(cms, alt: "没人用的图片");
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "用到图片的文章", body: $"正文。\n\n![义诊现场](/media/{used:N}.png)\n"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);

        var page = await editor.PageAsync($"/manager/media/{used}");
        var link = Assert.Single(page.QuerySelectorAll(".media-usage a"));
        Assert.Equal(("用到图片的文章", $"/manager/content/{entry["id"]}"), (link.TextContent.Trim(), link.GetAttribute("href")));
        Assert.Equal("此文件正被 1 个条目使用，不能删除：请先从这些条目中移除。", page.QuerySelector("#delete-refused")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("form[action*=Delete]"));

        // A delete forged past the page is refused by the service all the same.
        var token = await ManagerMediaData.TokenAsync(editor);
        var forged = await editor.Client.PostAsync($"/manager/media/{used}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        Assert.NotNull(await ManagerMediaData.FindAsync(cms, used));

        // Someone who may not read the section is told an entry uses it, not which.
        using var other = await ManagerVisitor.SignedInAsync(cms, "editor", [ApiJson.NewSection()]);
        var hidden = await other.PageAsync($"/manager/media/{used}");
        Assert.Empty(hidden.QuerySelectorAll(".media-usage a"));
        Assert.Equal("另有 1 个条目在你无权查看的栏目中。", hidden.QuerySelector(".media-usage li")!.TextContent.Trim());

        var unusedPage = await editor.PageAsync($"/manager/media/{unused}");
        Assert.Equal("没有条目使用此文件。", unusedPage.QuerySelector("#usage-heading + p")!.TextContent.Trim());
        var deleted = await editor.SubmitAsync($"/manager/media/{unused}", "form[action*=Delete]");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/manager/media?deleted=true", deleted.Headers.Location!.OriginalString);
        Assert.Null(await ManagerMediaData.FindAsync(cms, unused));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/manager/media/{unused}")).Response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_sign_in_first_reviewers_only_look_and_authors_may_not_delete()
    {
        var id = await ManagerMediaData.UploadAsync(cms, alt: "原来的说明");
        var url = $"/manager/media/{id}";
        using var anonymous = ManagerVisitor.Anonymous(cms);
        var (response, _) = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/manager/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var reviewer = await ManagerVisitor.SignedInAsync(cms, "reviewer");
        var page = await reviewer.PageAsync(url);
        Assert.Null(page.QuerySelector("form.media-form"));
        Assert.Contains("原来的说明", page.QuerySelector(".media-describe")!.TextContent, StringComparison.Ordinal);
        var token = await ManagerMediaData.TokenAsync(reviewer);
        foreach (var target in new[] { url, $"{url}?handler=Delete" })
        {
            var forged = await reviewer.Client.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["alt"] = "评审改的" }));
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
            Assert.StartsWith("/manager/denied", forged.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var author = await ManagerVisitor.SignedInAsync(cms, "author");
        Assert.Null((await author.PageAsync(url)).QuerySelector("#delete-heading"));
        var authorToken = await ManagerMediaData.TokenAsync(author);
        var delete = await author.Client.PostAsync($"{url}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = authorToken }));
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.StartsWith("/manager/denied", delete.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("原来的说明", (await ManagerMediaData.FindAsync(cms, id))!.Alt);
    }

    private static Dictionary<string, string?> Form(Dictionary<string, string?> changes) => changes;

    private static string Error(IHtmlDocument page, string field) => page.QuerySelector($"#media-{field}-error")!.TextContent.Trim();
}

public sealed class SqliteManagerMediaItemTests(SqliteCms cms) : ManagerMediaItemTests<SqliteCms>(cms);

public sealed class PostgresManagerMediaItemTests(PostgresCms cms) : ManagerMediaItemTests<PostgresCms>(cms);
