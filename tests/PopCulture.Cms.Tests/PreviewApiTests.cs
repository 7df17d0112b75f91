using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Publishing;
using PopCulture.Site;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Draft previews end to end: an editor asks for a link, anyone holding it sees the draft in the live theme with a
/// banner, and the link stops working when it is tampered with, expires, or the draft is published or deleted.
/// </summary>
public abstract partial class PreviewApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task An_editor_previews_a_draft_lesson_in_the_live_theme_and_anyone_with_the_link_sees_it()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var (section, lesson) = await DraftLessonAsync(editor, "青春期预览课");

        var asked = await AskAsync(editor, lesson);
        var link = await asked.JsonAsync();
        var page = await cms.CreateClient().GetAsync(link["url"]!.GetValue<string>());
        var html = await page.Content.ReadAsStringAsync();
        var home = await (await cms.CreateClient().GetAsync("/")).Content.ReadAsStringAsync();
        var live = await cms.CreateClient().GetAsync($"/{section}/{lesson["slug"]}/");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.StartsWith("/preview/", link["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var lifetime = link["expiresAt"]!.GetValue<DateTimeOffset>() - DateTimeOffset.UtcNow;
        Assert.InRange(lifetime, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("青春期预览课", html, StringComparison.Ordinal);
        Assert.Matches($"<body[^>]*>\\s*<div class=\"preview-banner\" role=\"status\"[^>]*>{PagePreview.BannerText}", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
        var css = CssLink().Match(home).Value;
        Assert.NotEmpty(css);
        Assert.Contains(css, html, StringComparison.Ordinal);
        AssertPrivate(page);
        Assert.Equal(HttpStatusCode.NotFound, live.StatusCode); // the draft itself is not on the site
    }

    [Fact]
    public async Task A_tampered_or_unknown_token_is_404_without_saying_why()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var (_, lesson) = await DraftLessonAsync(editor);
        var url = (await (await AskAsync(editor, lesson)).JsonAsync())["url"]!.GetValue<string>();
        var at = url.Length / 2;
        var tampered = url[..at] + (url[at] == 'A' ? 'B' : 'A') + url[(at + 1)..];
        var anonymous = cms.CreateClient();

        var genuine = await anonymous.GetAsync(url);
        foreach (var bad in new[] { tampered, "/preview/not-a-token", "/preview/" + new string('A', 600) })
        {
            var response = await anonymous.GetAsync(bad);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("expire", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("signature", body, StringComparison.OrdinalIgnoreCase);
            AssertPrivate(response); // answered by the preview endpoint, not the static site's 404
        }

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task An_expired_link_is_404()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var (_, lesson) = await DraftLessonAsync(editor);
        var id = Guid.Parse(lesson["id"]!.ToString());
        var revision = lesson["revision"]!.GetValue<int>();
        var tokens = cms.Services.GetRequiredService<PreviewTokens>();

        var expired = await cms.CreateClient().GetAsync($"/preview/{tokens.Issue(id, revision, DateTimeOffset.UtcNow.AddMinutes(-1))}");
        var current = await cms.CreateClient().GetAsync($"/preview/{tokens.Issue(id, revision, DateTimeOffset.UtcNow.AddMinutes(5))}");

        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Publishing_ends_the_link_and_a_later_edit_needs_a_new_one()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var (_, lesson) = await DraftLessonAsync(editor, "发布前的标题");
        var url = (await (await AskAsync(editor, lesson)).JsonAsync())["url"]!.GetValue<string>();
        var before = await cms.CreateClient().GetAsync(url);

        var published = await (await editor.MoveAsync(lesson, "publish")).JsonAsync();
        var after = await cms.CreateClient().GetAsync(url);
        var nothingNew = await AskAsync(editor, published);
        var edited = await editor.PutAsJsonAsync($"/api/v1/manage/content/{lesson["id"]}", LessonInput(lesson["section"]!.ToString(), lesson["slug"]!.ToString(),
            published["frontMatter"]!["course"]!.ToString(), "发布后改的标题", published["revision"]!.GetValue<int>()));
        var newUrl = (await (await AskAsync(editor, await edited.JsonAsync())).JsonAsync())["url"]!.GetValue<string>();
        var newPage = await cms.CreateClient().GetAsync(newUrl);
        var oldAgain = await cms.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, nothingNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPage.StatusCode);
        Assert.Contains("发布后改的标题", await newPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, oldAgain.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_draft_ends_the_link()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var (_, lesson) = await DraftLessonAsync(editor);
        var url = (await (await AskAsync(editor, lesson)).JsonAsync())["url"]!.GetValue<string>();

        var deleted = await editor.DeleteAsync($"/api/v1/manage/content/{lesson["id"]}");
        var after = await cms.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Only_someone_who_may_read_the_entry_gets_a_link()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var (section, lesson) = await DraftLessonAsync(editor);
        var outsider = await cms.ClientAsAsync(Roles.Author, [ApiJson.NewSection()]);
        var reviewer = await cms.ClientAsAsync(Roles.Reviewer, [section]);

        Assert.Equal(HttpStatusCode.NotFound, (await AskAsync(outsider, lesson)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AskAsync(cms.CreateClient(), lesson)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AskAsync(editor, new JsonObject { ["id"] = Guid.NewGuid().ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(reviewer, lesson)).StatusCode);
    }

    [Fact]
    public async Task The_lifetime_can_be_asked_for_within_a_week()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var (_, lesson) = await DraftLessonAsync(editor);
        var path = $"/api/v1/manage/content/{lesson["id"]}/preview";

        var two = await editor.PostAsJsonAsync(path, new { expiresInHours = 2 });
        var tooLong = await editor.PostAsJsonAsync(path, new { expiresInHours = 24 * 8 });
        var zero = await editor.PostAsJsonAsync(path, new { expiresInHours = 0 });

        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.InRange((await two.JsonAsync())["expiresAt"]!.GetValue<DateTimeOffset>() - DateTimeOffset.UtcNow, TimeSpan.FromHours(1.9), TimeSpan.FromHours(2));
        Assert.Equal(["expiresInHours"], await tooLong.ErrorFieldsAsync());
        Assert.Equal(["expiresInHours"], await zero.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_drafts_library_image_is_shown_through_the_link_while_it_stays_off_the_public_site()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var image = await editor.UploadPngAsync(CraftedFiles.Png(800, 600), "draft.png", alt: "草稿里的新照片");
        var draft = await editor.CreateAsync(ApiJson.Article(ApiJson.NewSection(), body: $"![](/media/{image["id"]!.GetValue<Guid>():N}.png)\n"));
        var url = (await (await AskAsync(editor, draft)).JsonAsync())["url"]!.GetValue<string>();
        var anonymous = cms.CreateClient();

        var html = await anonymous.GetStringAsync(url);
        var files = PreviewFile().Matches(html).Select(m => m.Value).Distinct().ToList();
        var served = await anonymous.GetAsync(files.First(f => f.EndsWith(".webp", StringComparison.Ordinal)));
        var other = await anonymous.GetAsync($"{url}/files/media/{Guid.NewGuid():N}.png");
        var tampered = await anonymous.GetAsync(files[0].Replace(url, url[..^2] + "xx", StringComparison.Ordinal));
        var live = await anonymous.GetAsync($"/media/{image["id"]!.GetValue<Guid>():N}.png");

        Assert.Contains("alt=\"草稿里的新照片\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.StartsWith(url + "/files/media/", f, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", string.Join(",", served.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        AssertPrivate(served);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, live.StatusCode);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal); // links to pages stay on the live site
    }

    [Fact]
    public async Task A_draft_that_fails_validation_gets_a_problem_naming_the_field_and_site_problems_are_listed_in_the_banner()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var (section, lesson) = await DraftLessonAsync(editor);
        var orphan = await editor.CreateAsync(LessonInput(section, "orphan", "no-such-course", "没有课程的课"));
        var orphanUrl = (await (await AskAsync(editor, orphan)).JsonAsync())["url"]!.GetValue<string>();
        var url = (await (await AskAsync(editor, lesson)).JsonAsync())["url"]!.GetValue<string>();
        using (var scope = cms.Services.CreateScope())
        {
            // Rules can tighten after a draft was saved; the store itself never accepts this.
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var entry = await db.Entries.SingleAsync(e => e.Id == Guid.Parse(lesson["id"]!.ToString()));
            var frontMatter = JsonNode.Parse(entry.FrontMatter)!.AsObject();
            frontMatter.Remove("title");
            entry.FrontMatter = frontMatter.ToJsonString();
            await db.SaveChangesAsync();
        }

        var invalid = await cms.CreateClient().GetAsync(url);
        var withProblems = await cms.CreateClient().GetAsync(orphanUrl);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
        Assert.Contains("frontMatter.title", await invalid.ErrorFieldsAsync());
        AssertPrivate(invalid);
        Assert.Equal(HttpStatusCode.OK, withProblems.StatusCode);
        var html = await withProblems.Content.ReadAsStringAsync();
        Assert.Contains("没有课程的课", html, StringComparison.Ordinal);
        Assert.Contains("发布前需要修正", html, StringComparison.Ordinal);
        Assert.Contains("course &#39;no-such-course&#39; does not exist", html, StringComparison.Ordinal);
    }

    private static void AssertPrivate(HttpResponseMessage response)
    {
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, JsonNode entry) =>
        client.PostAsync($"/api/v1/manage/content/{entry["id"]}/preview", null);

    /// <summary>A published course in a section of the test's own, and a draft lesson of it made by <paramref name="client"/>.</summary>
    private async Task<(string Section, JsonNode Lesson)> DraftLessonAsync(HttpClient client, string title = "预览用的课")
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var course = await admin.CreateAsync(new
        {
            section,
            slug = "course",
            frontMatter = new { type = "course", title = "预览课程", date = "2013-05-01", audience = "学生", grade_band = "初中", topic = "青春期" },
            body = "课程介绍。",
        });
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(course, "publish")).StatusCode);
        return (section, await client.CreateAsync(LessonInput(section, "lesson-one", "course", title)));
    }

    private static object LessonInput(string section, string slug, string course, string title, int? revision = null) => new
    {
        section,
        slug,
        frontMatter = new { type = "lesson", title, course, order = 1, date = "2013-05-02", objectives = new[] { "认识变化" } },
        body = "## 导入\n\n这是草稿正文。",
        revision,
    };

    [GeneratedRegex("href=\"/assets/css/site\\.[0-9a-f]+\\.css\"")]
    private static partial Regex CssLink();

    [GeneratedRegex("/preview/[A-Za-z0-9_-]+/files/[^\"\\s,]+")]
    private static partial Regex PreviewFile();
}

public sealed class SqlitePreviewApiTests(SqliteCms cms) : PreviewApiTests<SqliteCms>(cms);

public sealed class PostgresPreviewApiTests(PostgresCms cms) : PreviewApiTests<PostgresCms>(cms);
