using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>The build history screen: every signed-in user reads it; only admins may queue a full rebuild, which is audited.</summary>
public abstract class ManagerBuildTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task An_author_reads_the_build_history_without_a_rebuild_button()
    {
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [ApiJson.NewSection()]);

        var page = await author.PageAsync("/manager/builds");

        Assert.Equal("站点构建", page.QuerySelector("h1")!.TextContent);
        var startUp = page.QuerySelectorAll("table.builds-table tbody tr")[^1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal("成功", startUp[1]);
        Assert.Matches(@"^渲染 \d+ 页，复用 \d+ 页$", startUp[5]);
        Assert.Matches(@"^[1-9]\d*$", startUp[6]); // files written
        Assert.Null(page.QuerySelector("form.rebuild-all"));
    }

    [Fact]
    public async Task An_admin_queues_a_full_rebuild_which_is_audited_and_then_listed()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var api = await cms.AdminClientAsync();
        var started = DateTimeOffset.UtcNow;

        var queued = await admin.SubmitAsync("/manager/builds", "form.rebuild-all");

        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var confirmation = await admin.PageAsync(queued.Headers.Location!.OriginalString);
        Assert.Equal("已请求全部重新生成。构建很快开始，结果会出现在下面的列表中。", confirmation.QuerySelector("p.notice[role=status]")!.TextContent);
        var reason = $"full rebuild asked for by {admin.Email}";
        var build = await BuildHistory.WaitForAsync(api, started, r => r == reason);
        Assert.True(build["full"]!.GetValue<bool>());
        var audit = await api.GetFromJsonAsync<JsonNode>($"/api/v1/manage/audit?action=site.rebuild&user={Uri.EscapeDataString(admin.Email!)}");
        Assert.Equal("full rebuild", Assert.Single(audit!["items"]!.AsArray())!["detail"]!.GetValue<string>());

        var listed = (await admin.PageAsync("/manager/builds")).QuerySelectorAll("table.builds-table tbody tr")
            .Single(tr => tr.QuerySelector(".reasons")!.TextContent.Contains($"{admin.Email} 要求全部重新生成", StringComparison.Ordinal));
        Assert.Contains("全部重新生成", listed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editors_forged_rebuild_is_refused_with_403_and_not_audited()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");
        var api = await cms.AdminClientAsync();

        // The page offers no button; the sign-out form lends its antiforgery token to the forged post.
        var refused = await editor.SubmitAsync("/manager/builds", "form[action='/manager/sign-out']", to: "/manager/builds?handler=Rebuild");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var denied = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("无权访问", denied.QuerySelector("main h1")!.TextContent); // the denied page's words, in the manager's layout
        Assert.Null(denied.QuerySelector("form.rebuild-all"));
        var audit = await api.GetFromJsonAsync<JsonNode>($"/api/v1/manage/audit?action=site.rebuild&user={Uri.EscapeDataString(editor.Email!)}");
        Assert.Equal(0, audit!["total"]!.GetValue<int>());
    }
}

public sealed class SqliteManagerBuildTests(SqliteCms cms) : ManagerBuildTests<SqliteCms>(cms);

public sealed class PostgresManagerBuildTests(PostgresCms cms) : ManagerBuildTests<PostgresCms>(cms);
