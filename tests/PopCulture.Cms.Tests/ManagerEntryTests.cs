using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The entry's working page: the workflow buttons each role may use, and nothing more even when forged; sending back
/// with a reason; publishing to the live site; a preview link.
/// </summary>
public abstract class ManagerEntryTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task An_author_sees_submit_but_not_publish_and_a_forged_publish_is_refused()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section));
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var url = Page(entry);

        var page = await author.PageAsync(url);
        Assert.NotNull(page.QuerySelector("form.move-submit"));
        Assert.Null(page.QuerySelector("form.move-publish"));
        Assert.Null(page.QuerySelector("form.move-schedule"));
        Assert.Null(page.QuerySelector("form.move-approve"));

        var forged = await author.SubmitAsync(url, "form.move-submit", new Dictionary<string, string> { ["move"] = "publish" });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("draft", await StatusAsync(admin, entry));
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(url, "form.move-submit")).StatusCode);
        Assert.Equal("in-review", await StatusAsync(admin, entry));
        Assert.Null((await author.PageAsync(url)).QuerySelector("form.move-submit")); // submitted: nothing left for the author
    }

    [Fact]
    public async Task A_reviewer_approves_an_entry_in_review_and_sees_what_happened()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section));
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "submit")).StatusCode);
        using var reviewer = await ManagerVisitor.SignedInAsync(cms, "reviewer", [section]);
        var url = Page(entry);

        var page = await reviewer.PageAsync(url);
        Assert.NotNull(page.QuerySelector("form.move-reject"));
        Assert.Null(page.QuerySelector("form.move-publish"));
        var approved = await reviewer.SubmitAsync(url, "form.move-approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal($"{url}?done=approve", approved.Headers.Location?.OriginalString);
        Assert.Equal("已审核通过并发布，网站正在更新。", (await reviewer.PageAsync(approved.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("published", await StatusAsync(admin, entry));
    }

    [Fact]
    public async Task An_editor_publishes_from_the_page_and_the_public_page_is_served()
    {
        var slug = "manager-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article("news", slug, "从管理后台发布的文章"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", ["news"]);

        var started = DateTimeOffset.UtcNow;
        var published = await editor.SubmitAsync(Page(entry), "form.move-publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await BuildHistory.WaitForAsync(admin, started, reason => reason == $"publish news/{slug}");
        Assert.Contains("从管理后台发布的文章", await cms.CreateClient().GetStringAsync($"/news/{slug}/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_schedules_publishing_in_the_offices_time_zone()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);

        var scheduled = await editor.SubmitAsync(Page(entry), "form.move-schedule", new Dictionary<string, string> { ["at"] = "2100-01-01T08:00" });

        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var saved = await (await admin.GetAsync($"/api/v1/manage/content/{entry["id"]}")).JsonAsync();
        Assert.Equal("scheduled", saved["status"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), saved["publishAt"]!.GetValue<DateTimeOffset>()); // 08:00 in Shanghai
    }

    [Fact]
    public async Task Sending_back_requires_a_comment()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section));
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "submit")).StatusCode);
        using var reviewer = await ManagerVisitor.SignedInAsync(cms, "reviewer", [section]);
        var url = Page(entry);

        var (refused, refusedPage) = await PostAsync(reviewer, url, "form.move-reject", new() { ["comment"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("退回时必须填写理由。", refusedPage, StringComparison.Ordinal);
        Assert.Equal("in-review", await StatusAsync(admin, entry));

        var sent = await reviewer.SubmitAsync(url, "form.move-reject", new Dictionary<string, string> { ["comment"] = "标题需要更具体。" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("draft", await StatusAsync(admin, entry));
        var audit = await admin.GetStringAsync("/api/v1/manage/audit?action=content.reject&pageSize=100");
        Assert.Contains("标题需要更具体。", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_limited_editor_cannot_act_on_another_sections_entry()
    {
        var mine = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var own = await admin.CreateAsync(ApiJson.Article(mine));
        var other = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [mine]);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(Page(other))).Response.StatusCode);
        var forged = await editor.SubmitAsync(Page(own), "form.move-publish", to: Page(other) + "?handler=Move");
        var forgedPreview = await editor.SubmitAsync(Page(own), "form.move-publish", to: Page(other) + "?handler=Preview");

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedPreview.StatusCode);
        Assert.Equal("draft", await StatusAsync(admin, other));
    }

    [Fact]
    public async Task A_preview_link_is_shown_in_a_read_only_field_and_opens_the_draft()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "预览中的草稿"));
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);

        var (response, page) = await PostAsync(author, Page(entry), "form[action$='handler=Preview']", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var field = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector("#preview-url")!;
        Assert.NotNull(field.GetAttribute("readonly"));
        var link = new Uri(field.GetAttribute("value")!);
        Assert.StartsWith("/preview/", link.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("预览中的草稿", await cms.CreateClient().GetStringAsync(link.PathAndQuery), StringComparison.Ordinal);
    }

    private static string Page(JsonNode entry) => $"/manager/content/{entry["id"]}";

    private static async Task<string> StatusAsync(HttpClient admin, JsonNode entry) =>
        (await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{entry["id"]}"))!["status"]!.GetValue<string>();

    private static async Task<(HttpResponseMessage Response, string Page)> PostAsync(
        ManagerVisitor visitor, string url, string form, Dictionary<string, string> fields)
    {
        var response = await visitor.SubmitAsync(url, form, fields);
        return (response, await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteManagerEntryTests(SqliteCms cms) : ManagerEntryTests<SqliteCms>(cms);

public sealed class PostgresManagerEntryTests(PostgresCms cms) : ManagerEntryTests<PostgresCms>(cms);
