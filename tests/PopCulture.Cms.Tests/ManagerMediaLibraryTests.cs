using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;

namespace PopCulture.Cms.Tests;

/// <summary>The manager's media library grid: paged, searched and filtered in the query string; uploads from a plain form and from its script.</summary>
public abstract class ManagerMediaLibraryTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Library = "/manager/media";

    [Fact]
    public async Task The_grid_pages_through_a_folder_and_counts_its_subfolders()
    {
        var folder = ManagerMediaData.NewFolder();
        var rows = await ManagerMediaData.AddRowsAsync(cms, folder, 50);
        await ManagerMediaData.AddRowsAsync(cms, folder + "/sub", 2, (i, item) => { item.Title = $"子文件夹 {i}"; item.CreatedAt = item.CreatedAt.AddYears(-1); return item; });
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");

        var first = await editor.PageAsync($"{Library}?folder={folder}");
        Assert.Equal("共 52 个文件，第 1 / 2 页", first.QuerySelector(".count")!.TextContent.Trim());
        var tiles = ManagerMediaData.Tiles(first);
        Assert.Equal(48, tiles.Length);
        Assert.Equal("照片 049", tiles[0]);
        var link = first.QuerySelector(".media-grid a")!.GetAttribute("href");
        Assert.Equal($"/manager/media/{rows[49].Id}", link);
        Assert.Equal($"/api/v1/media/{rows[49].Id}/360.webp", first.QuerySelector(".media-grid img")!.GetAttribute("src"));
        Assert.Contains(first.QuerySelectorAll(".media-folders a"), a => a.TextContent.Trim() == $"{folder}（52）" && a.GetAttribute("aria-current") == "page");
        Assert.Contains(first.QuerySelectorAll(".media-folders a"), a => a.TextContent.Trim() == $"{folder}/sub（2）");
        Assert.Equal("媒体库", first.QuerySelector(".top nav a[aria-current=page]")!.TextContent.Trim());

        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await editor.PageAsync(next);
        Assert.Equal("共 52 个文件，第 2 / 2 页", second.QuerySelector(".count")!.TextContent.Trim());
        Assert.Equal(["照片 001", "照片 000", "子文件夹 1", "子文件夹 0"], ManagerMediaData.Tiles(second));

        var sub = await editor.PageAsync($"{Library}?folder={folder}/sub");
        Assert.Equal(["子文件夹 1", "子文件夹 0"], ManagerMediaData.Tiles(sub));
    }

    [Fact]
    public async Task Search_finds_titles_alt_text_file_names_and_tags_and_the_kind_filter_narrows_it()
    {
        var folder = ManagerMediaData.NewFolder();
        var word = "词" + Guid.NewGuid().ToString("N")[..8];
        await ManagerMediaData.AddRowsAsync(cms, folder, 6, (i, item) =>
        {
            switch (i)
            {
                case 0: item.Title = $"标题含{word}"; break;
                case 1: item.Alt = $"替代文字含{word}"; break;
                case 2: item.OriginalName = $"{word}.jpg"; break;
                case 3: item.Tags = $"公园,{word}"; break;
                case 4: item.Tags = $"{word},展品"; item.Kind = "pdf"; item.ContentType = "application/pdf"; item.Width = null; item.Height = null; break;
            }

            return item;
        });
        using var author = await ManagerVisitor.SignedInAsync(cms, "author");

        var found = await author.PageAsync($"{Library}?q={Uri.EscapeDataString(word)}");
        Assert.Equal(5, ManagerMediaData.Tiles(found).Length);
        Assert.Equal(word, found.QuerySelector("input#q")!.GetAttribute("value"));

        var pdfs = await author.PageAsync($"{Library}?q={Uri.EscapeDataString(word)}&kind=pdf");
        Assert.Equal(["照片 004"], ManagerMediaData.Tiles(pdfs));
        Assert.Null(pdfs.QuerySelector(".media-grid img"));

        var nothing = await author.PageAsync($"{Library}?q={Uri.EscapeDataString(word)}&folder=elsewhere");
        Assert.Empty(ManagerMediaData.Tiles(nothing));
        Assert.Equal("没有找到文件。", nothing.QuerySelector(".media-results > p:not(.count)")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_plain_form_uploads_several_files_into_a_folder_and_says_why_one_was_refused()
    {
        var folder = ManagerMediaData.NewFolder();
        using var author = await ManagerVisitor.SignedInAsync(cms, "author");
        var token = ManagerForm.Values(await author.PageAsync(Library), "form.upload-form")["__RequestVerificationToken"];
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(folder), "folder" },
            { File(CraftedFiles.Png(40, 30), "image/png"), "files", "park.png" },
            { File(CraftedFiles.PlainText(), "image/png"), "files", "notes.png" },
        };

        var response = await author.Client.PostAsync($"{Library}?handler=Upload", content);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var done = Assert.Single(page.QuerySelectorAll(".upload-results .upload-done"));
        Assert.Contains("park.png", done.TextContent, StringComparison.Ordinal);
        Assert.Matches("^/manager/media/[0-9a-f-]{36}$", done.QuerySelector("a")!.GetAttribute("href"));
        var failed = Assert.Single(page.QuerySelectorAll(".upload-results .upload-failed"));
        Assert.Contains("不是允许的文件类型", failed.TextContent, StringComparison.Ordinal);
        var listed = await author.PageAsync($"{Library}?folder={folder}");
        Assert.Equal(["park.png"], ManagerMediaData.Tiles(listed));
        Assert.Equal("缺少替代文字", listed.QuerySelector(".media-missing")!.TextContent.Trim());
        // The thumbnail is a variant the delivery API makes: an image narrower than every theme width keeps its own.
        var thumbnail = listed.QuerySelector(".media-grid img")!.GetAttribute("src")!;
        Assert.EndsWith("/40.webp", thumbnail, StringComparison.Ordinal);
        var served = await author.Client.GetAsync(thumbnail);
        Assert.Equal((HttpStatusCode.OK, "image/webp"), (served.StatusCode, served.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task The_scripts_upload_answers_each_file_with_its_page_or_a_reason_in_Chinese()
    {
        using var author = await ManagerVisitor.SignedInAsync(cms, "author");
        var token = ManagerForm.Values(await author.PageAsync(Library), "form.upload-form")["__RequestVerificationToken"];

        var uploaded = await PostFileAsync(author, token, File(CraftedFiles.Jpeg(30, 20), "image/jpeg"), "photo.jpg");
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Matches("^/manager/media/[0-9a-f-]{36}$", JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["url"]!.GetValue<string>());

        var misnamed = await PostFileAsync(author, token, File(CraftedFiles.Jpeg(30, 20), "image/png"), "photo.png");
        Assert.Equal(HttpStatusCode.BadRequest, misnamed.StatusCode);
        Assert.Equal("文件名以 .png 结尾，但文件实际是 image/jpeg：请改名或上传正确的文件。", JsonNode.Parse(await misnamed.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());

        var svg = await PostFileAsync(author, token, File(CraftedFiles.SvgWithScript(), "image/svg+xml"), "logo.svg");
        Assert.StartsWith("不接受 SVG 文件", JsonNode.Parse(await svg.Content.ReadAsStringAsync())!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFileAsync(author, token: null, File(CraftedFiles.Png(8, 8), "image/png"), "a.png")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_a_reviewer_sees_the_grid_but_may_not_upload()
    {
        using var anonymous = ManagerVisitor.Anonymous(cms);
        var (response, _) = await anonymous.GetAsync(Library);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/manager/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var reviewer = await ManagerVisitor.SignedInAsync(cms, "reviewer");
        var page = await reviewer.PageAsync(Library);
        Assert.Null(page.QuerySelector("form.upload-form"));
        var token = await ManagerMediaData.TokenAsync(reviewer);
        var refused = await PostFileAsync(reviewer, token, File(CraftedFiles.Png(8, 8), "image/png"), "a.png");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("你没有上传或修改媒体文件的权限。", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
        using var plain = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { File(CraftedFiles.Png(8, 8), "image/png"), "files", "a.png" } };
        var form = await reviewer.Client.PostAsync($"{Library}?handler=Upload", plain);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/manager/denied", form.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(ManagerVisitor visitor, string? token, ByteArrayContent file, string name)
    {
        using var content = new MultipartFormDataContent { { file, "file", name } };
        if (token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return await visitor.Client.PostAsync($"{Library}?handler=File", content);
    }

    private static ByteArrayContent File(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }
}

public sealed class SqliteManagerMediaLibraryTests(SqliteCms cms) : ManagerMediaLibraryTests<SqliteCms>(cms);

public sealed class PostgresManagerMediaLibraryTests(PostgresCms cms) : ManagerMediaLibraryTests<PostgresCms>(cms);
