using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The editing form against other people's saves and other people's sections: a stale save warns instead of
/// overwriting and overwrites only when asked; the form exists only where the user may edit; every post needs its token.
/// </summary>
public abstract class ManagerConflictTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task A_stale_save_warns_keeps_the_editors_text_and_overwrites_only_when_asked()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "原标题"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        var url = $"/manager/content/{entry["id"]}/edit";
        var opened = await editor.PageAsync(url);

        var other = await admin.PutAsJsonAsync($"/api/v1/manage/content/{entry["id"]}", new
        {
            section, slug = "first", body = "别人的正文。", revision = 1,
            frontMatter = new { title = "别人改的标题", date = "2013-05-01" },
        });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var (stale, warned) = await ManagerForm.PostAsync(editor, url, opened, new Dictionary<string, string?> { ["fm.title"] = "我的标题", ["body"] = "我的正文。" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = warned.QuerySelector("#conflict")!;
        Assert.Equal("alert", conflict.GetAttribute("role"));
        Assert.Contains("保存了第 2 版；你的修改基于第 1 版，尚未保存", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/manager/content/{entry["id"]}/revisions/1", conflict.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("我的标题", warned.QuerySelector("#f-title")!.GetAttribute("value"));
        Assert.Equal("我的正文。", warned.QuerySelector("#f-body")!.TextContent);
        Assert.Equal("别人改的标题", await TitleAsync(admin, entry));

        // Saving again without choosing to overwrite is still refused: the form still says it is based on revision 1.
        var (again, _) = await ManagerForm.PostAsync(editor, url, warned, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var (overwritten, _) = await ManagerForm.PostAsync(editor, url, warned, new Dictionary<string, string?> { ["overwrite"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, overwritten.StatusCode);
        Assert.Equal("我的标题", await TitleAsync(admin, entry));
    }

    [Fact]
    public async Task An_overwrite_based_on_a_revision_that_moved_on_again_is_refused_too()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "原标题"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        var url = $"/manager/content/{entry["id"]}/edit";
        var opened = await editor.PageAsync(url);
        for (var revision = 1; revision <= 2; revision++)
        {
            var saved = await admin.PutAsJsonAsync($"/api/v1/manage/content/{entry["id"]}", new
            {
                section, slug = "first", body = "正文。", revision, frontMatter = new { title = $"第 {revision + 1} 版", date = "2013-05-01" },
            });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var (response, _) = await ManagerForm.PostAsync(editor, url, opened, new Dictionary<string, string?> { ["overwrite"] = "2" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("第 3 版", await TitleAsync(admin, entry));
    }

    [Fact]
    public async Task The_form_exists_only_where_the_user_may_edit()
    {
        var mine = ApiJson.NewSection();
        var theirs = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var own = await admin.CreateAsync(ApiJson.Article(mine));
        var other = await admin.CreateAsync(ApiJson.Article(theirs, title: "别的栏目"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [mine]);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/manager/content/{other["id"]}/edit")).Response.StatusCode);
        var forged = await editor.SubmitAsync($"/manager/content/{own["id"]}/edit", "form.entry-form", to: $"/manager/content/{other["id"]}/edit");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("别的栏目", await TitleAsync(admin, other));

        var newElsewhere = await editor.GetAsync($"/manager/content/new?section={theirs}&type=article");
        Assert.Equal(HttpStatusCode.Redirect, newElsewhere.Response.StatusCode);
        Assert.StartsWith("/manager/denied", newElsewhere.Response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var forgedNew = await editor.SubmitAsync($"/manager/content/new?section={mine}&type=article", "form.entry-form",
            new Dictionary<string, string> { ["section"] = theirs, ["slug"] = "forged", ["fm.title"] = "伪造", ["fm.date"] = "2020-01-01" },
            to: "/manager/content/new");
        Assert.StartsWith("/manager/denied", forgedNew.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var list = await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/content?section={theirs}");
        Assert.Single(list!["items"]!.AsArray());

        // Reviewers do not edit; authors stop editing once they submit.
        using var reviewer = await ManagerVisitor.SignedInAsync(cms, "reviewer", [mine]);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.GetAsync($"/manager/content/{own["id"]}/edit")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(own, "submit")).StatusCode);
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [mine]);
        Assert.Equal(HttpStatusCode.Redirect, (await author.GetAsync($"/manager/content/{own["id"]}/edit")).Response.StatusCode);
    }

    [Fact]
    public async Task An_author_whose_draft_was_submitted_meanwhile_gets_the_form_back_with_their_text()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "原标题"));
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var url = $"/manager/content/{entry["id"]}/edit";
        var opened = await author.PageAsync(url);
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "submit")).StatusCode);

        var (response, page) = await ManagerForm.PostAsync(author, url, opened, new Dictionary<string, string?> { ["fm.title"] = "作者的新标题" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("你现在不能保存此条目", page.QuerySelector("form.entry-form [role=alert]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("作者的新标题", page.QuerySelector("#f-title")!.GetAttribute("value"));
        Assert.Equal("原标题", await TitleAsync(admin, entry));
    }

    [Fact]
    public async Task A_save_without_the_antiforgery_token_is_refused()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "原标题"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        var url = $"/manager/content/{entry["id"]}/edit";

        var (response, _) = await ManagerForm.PostAsync(editor, url, new Dictionary<string, string?> { ["__RequestVerificationToken"] = null, ["fm.title"] = "无令牌" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("原标题", await TitleAsync(admin, entry));
    }

    private static async Task<string> TitleAsync(HttpClient admin, JsonNode entry) =>
        (await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{entry["id"]}"))!["title"]!.GetValue<string>();
}

public sealed class SqliteManagerConflictTests(SqliteCms cms) : ManagerConflictTests<SqliteCms>(cms);

public sealed class PostgresManagerConflictTests(PostgresCms cms) : ManagerConflictTests<PostgresCms>(cms);
