using System.Net;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The editing form's live preview: the form as the site's pipeline and theme render it, saved nowhere, shown only in a
/// sandboxed frame, for signed-in users with the form's antiforgery token and only for their sections.
/// </summary>
public abstract class ManagerPreviewTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Preview = "/manager/content/preview";

    [Fact]
    public async Task The_form_is_rendered_by_the_sites_theme_without_being_saved()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "已保存的标题"));
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var form = await author.PageAsync($"/manager/content/{entry["id"]}/edit");

        var (response, page) = await ManagerForm.PostAsync(author, Preview, form, new Dictionary<string, string?>
        {
            ["fm.title"] = "还没保存的标题", ["body"] = "## 预览小标题\n\n预览正文。",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("还没保存的标题", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.Trim().StartsWith("预览小标题", StringComparison.Ordinal));
        Assert.Contains("预览 · 此页面尚未发布", page.Body!.TextContent, StringComparison.Ordinal);
        var saved = await admin.GetStringAsync($"/api/v1/manage/content/{entry["id"]}");
        Assert.Contains("已保存的标题", saved, StringComparison.Ordinal);
        Assert.Contains("\"revision\":1", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_the_site_would_refuse_gets_the_reasons_in_Chinese()
    {
        var section = ApiJson.NewSection();
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        var form = await editor.PageAsync($"/manager/content/new?section={section}&type=course");

        var (response, page) = await ManagerForm.PostAsync(editor, Preview, form, new Dictionary<string, string?> { ["fm.title"] = "课程" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("此项必填。", page.QuerySelectorAll("li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task Previews_need_the_token_a_signed_in_user_and_their_section()
    {
        var mine = ApiJson.NewSection();
        var theirs = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var other = await admin.CreateAsync(ApiJson.Article(theirs, title: "别的栏目的草稿"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [mine]);
        var form = await editor.PageAsync($"/manager/content/new?section={mine}&type=article");

        var (tokenless, _) = await ManagerForm.PostAsync(editor, Preview, form, new Dictionary<string, string?> { ["__RequestVerificationToken"] = null });
        var (otherEntry, otherPage) = await ManagerForm.PostAsync(editor, Preview, form, new Dictionary<string, string?> { ["entry"] = other["id"]!.ToString() });
        var (otherSection, _) = await ManagerForm.PostAsync(editor, Preview, form, new Dictionary<string, string?> { ["section"] = theirs });
        using var anonymous = ManagerVisitor.Anonymous(cms);
        using var content = new FormUrlEncodedContent(ManagerForm.Values(form));
        var signedOut = await anonymous.Client.PostAsync(Preview, content);

        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherEntry.StatusCode);
        Assert.DoesNotContain("别的栏目的草稿", otherPage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherSection.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.StartsWith("/manager/sign-in", signedOut.Headers.Location?.PathAndQuery ?? "", StringComparison.Ordinal);
    }
}

public sealed class SqliteManagerPreviewTests(SqliteCms cms) : ManagerPreviewTests<SqliteCms>(cms);

public sealed class PostgresManagerPreviewTests(PostgresCms cms) : ManagerPreviewTests<PostgresCms>(cms);
