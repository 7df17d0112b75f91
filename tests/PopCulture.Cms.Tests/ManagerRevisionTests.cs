using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>An entry's revisions in the manager: listed, compared side by side with the current one, and restored.</summary>
public abstract class ManagerRevisionTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private static readonly string[] Tags = ["测试"];

    [Fact]
    public async Task A_revision_is_compared_line_by_line_and_restored_so_the_body_is_the_old_one()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, body: "第一行\n旧的第二行\n"));
        var saved = await admin.PutAsJsonAsync($"/api/v1/manage/content/{entry["id"]}", new
        {
            section,
            slug = "first",
            frontMatter = new { title = "测试文章", date = "2013-05-01", summary = "摘要", tags = Tags },
            body = "第一行\n新的第二行\n",
            revision = 1,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);

        var detail = await editor.PageAsync($"/manager/content/{entry["id"]}");
        Assert.Equal(["2", "1"], detail.QuerySelectorAll("#revisions ~ div tbody tr td:first-child").Select(td => td.TextContent));
        var diffUrl = detail.QuerySelector("#revisions ~ div tbody a")!.GetAttribute("href")!;
        Assert.Equal($"/manager/content/{entry["id"]}/revisions/1", diffUrl);

        var diff = await editor.PageAsync(diffUrl);
        var changed = diff.QuerySelectorAll("table.diff tbody tr.changed").Single();
        Assert.Equal("已删除：旧的第二行", changed.QuerySelector("td.del")!.TextContent.Replace("−", "", StringComparison.Ordinal));
        Assert.Equal("已添加：新的第二行", changed.QuerySelector("td.ins")!.TextContent.Replace("+", "", StringComparison.Ordinal));
        Assert.Equal(4, diff.QuerySelectorAll("table.diff thead th[scope=col]").Length);

        var restored = await editor.SubmitAsync(diffUrl, "form.restore");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal($"/manager/content/{entry["id"]}?done=restore", restored.Headers.Location?.OriginalString);
        var now = await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{entry["id"]}");
        Assert.Equal("第一行\n旧的第二行\n", now!["body"]!.GetValue<string>());
        Assert.Equal(3, now["revision"]!.GetValue<int>());
        var notes = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/manage/content/{entry["id"]}/revisions");
        Assert.Equal("restored revision 1", notes![0]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_restore_based_on_a_stale_revision_is_refused_next_to_the_buttons()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, body: "旧正文\n"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);

        var stale = await editor.SubmitAsync(
            $"/manager/content/{entry["id"]}", "form.move-submit", new Dictionary<string, string> { ["number"] = "1", ["revision"] = "7" },
            to: $"/manager/content/{entry["id"]}?handler=Restore");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("id=\"move-problem\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteManagerRevisionTests(SqliteCms cms) : ManagerRevisionTests<SqliteCms>(cms);

public sealed class PostgresManagerRevisionTests(PostgresCms cms) : ManagerRevisionTests<PostgresCms>(cms);
