using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Tests;

/// <summary>A section's content list: 50 a page, sorted and filtered in SQL, searched through the management index, each row a link to the entry.</summary>
public abstract class ManagerContentListTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task A_section_of_120_entries_is_listed_50_a_page_newest_change_first_with_page_links()
    {
        var section = ApiJson.NewSection();
        await ManagerEntries.AddAsync(cms, section, 120);
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);

        var first = await editor.PageAsync($"/manager/content?section={section}");
        var last = await editor.PageAsync($"/manager/content?section={section}&page=3");

        Assert.Equal(50, Titles(first).Length);
        Assert.Equal("条目 119", Titles(first)[0]);
        Assert.Equal("共 120 条，第 1 / 3 页", first.QuerySelector(".count")!.TextContent);
        Assert.Equal(["1", "2", "3", "下一页"], first.QuerySelectorAll(".pager a").Select(a => a.TextContent).ToArray());
        Assert.Equal("1", first.QuerySelector(".pager a[aria-current=page]")!.TextContent);
        Assert.Equal($"/manager/content?section={section}&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(20, Titles(last).Length);
        Assert.Equal("条目 000", Titles(last)[^1]);
        Assert.Equal(Titles(last), Titles(await editor.PageAsync($"/manager/content?section={section}&page=99"))); // past the end: the last page
    }

    [Fact]
    public async Task Lists_sort_by_title_state_and_last_change_and_the_header_link_reverses_the_order()
    {
        var section = ApiJson.NewSection();
        var states = new[] { WorkflowStatus.Archived, WorkflowStatus.Draft, WorkflowStatus.InReview };
        await ManagerEntries.AddAsync(cms, section, 9, (i, e) =>
        {
            // Titles in another order than the times, so each sort has its own answer.
            e.Title = $"标题 {(i * 4) % 9}";
            e.Status = states[i % 3];
            return e;
        });
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);

        var byTitle = await editor.PageAsync($"/manager/content?section={section}&sort=title");
        var byTitleReversed = await editor.PageAsync(byTitle.QuerySelector("th[aria-sort] a")!.GetAttribute("href")!);
        var byState = await editor.PageAsync($"/manager/content?section={section}&sort=state");
        var byUpdated = await editor.PageAsync($"/manager/content?section={section}");

        Assert.Equal([.. Enumerable.Range(0, 9).Select(n => $"标题 {n}")], Titles(byTitle));
        Assert.Equal("ascending", byTitle.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal([.. Enumerable.Range(0, 9).Select(n => $"标题 {8 - n}")], Titles(byTitleReversed));
        Assert.Equal("descending", byTitleReversed.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal(["草稿", "草稿", "草稿", "待审核", "待审核", "待审核", "已归档", "已归档", "已归档"], Cells(byState, 2));
        Assert.Equal([.. Enumerable.Range(0, 9).Reverse().Select(i => $"标题 {(i * 4) % 9}")], Titles(byUpdated));
    }

    [Fact]
    public async Task Lists_filter_by_state_and_tag_and_search_titles_and_slugs()
    {
        var section = ApiJson.NewSection();
        await ManagerEntries.AddAsync(cms, section, 6, (i, e) => i switch
        {
            0 => ManagerEntries.New(section, "park-visit", "参观人口文化园", ["园区", "参观"], e.UpdatedAt, WorkflowStatus.Draft),
            1 => ManagerEntries.New(section, "park-hours", "开放时间调整", ["园区"], e.UpdatedAt, WorkflowStatus.InReview),
            2 => ManagerEntries.New(section, "lesson", "青春期第一课", ["课程"], e.UpdatedAt, WorkflowStatus.InReview),
            3 => ManagerEntries.New(section, "parkour", "不是园区的条目", ["园区活动"], e.UpdatedAt, WorkflowStatus.Draft),
            _ => e,
        });
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        string List(string filters) => $"/manager/content?section={section}&sort=title&{filters}";

        Assert.Equal(["开放时间调整", "青春期第一课"], Titles(await editor.PageAsync(List("state=in-review"))));
        Assert.Equal(["参观人口文化园", "开放时间调整"], Titles(await editor.PageAsync(List("tag=园区")))); // whole tags: not 园区活动
        Assert.Equal(["开放时间调整"], Titles(await editor.PageAsync(List("tag=园区&state=in-review"))));
        Assert.Equal(["参观人口文化园"], Titles(await editor.PageAsync(List("q=文化园"))));
        Assert.Equal(["不是园区的条目", "参观人口文化园", "开放时间调整"], Titles(await editor.PageAsync(List("q=park"))));
        Assert.Equal(6, Titles(await editor.PageAsync(List("state=not-a-state"))).Length); // an unknown state filters nothing
    }

    [Fact]
    public async Task Each_row_links_to_the_entrys_page_with_only_the_moves_its_user_may_make()
    {
        var section = ApiJson.NewSection();
        var entry = (await ManagerEntries.AddAsync(cms, section, 1))[0];
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);

        var list = await author.PageAsync($"/manager/content?section={section}");
        var href = list.QuerySelector("tbody tr a")!.GetAttribute("href")!;
        var detail = await author.PageAsync(href);

        Assert.Equal($"/manager/content/{entry.Id}", href);
        Assert.Equal(entry.Title, detail.QuerySelector("h1")!.TextContent);
        Assert.Contains("\"title\"", detail.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        // An author's draft: submit it or share a preview; workflow moves of other roles are not offered.
        Assert.Equal(["move move-submit", ""], detail.QuerySelectorAll("main form").Select(f => f.GetAttribute("class") ?? ""));
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/manager/content/{Guid.NewGuid()}")).Response.StatusCode);
    }

    [Fact]
    public void A_list_page_is_one_paged_query_that_leaves_bodies_and_front_matter_in_the_store()
    {
        using var scope = cms.Services.CreateScope();
        var lists = scope.ServiceProvider.GetRequiredService<Manager.ContentLists>();
        var admin = new Identity.CmsPrincipal("admin", "admin@test.local", [new Identity.AccessGrant { UserId = "admin", Role = "admin" }], canWrite: true);
        var query = new Manager.ContentListQuery("news", WorkflowStatus.Draft, Tag: "园区", Search: "文化", Sort: Manager.ContentSort.Title, Page: 3);

        var sql = lists.PageQuery(admin, query, page: 3).ToQueryString();

        Assert.Contains("LIMIT", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("OFFSET", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"Body\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"FrontMatter\"", sql, StringComparison.Ordinal);
    }

    private static string[] Titles(IHtmlDocument page) => [.. page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent)];

    private static string[] Cells(IHtmlDocument page, int column) =>
        [.. page.QuerySelectorAll($"tbody tr td:nth-child({column})").Select(td => td.TextContent.Trim())];
}

public sealed class SqliteManagerContentListTests(SqliteCms cms) : ManagerContentListTests<SqliteCms>(cms);

public sealed class PostgresManagerContentListTests(PostgresCms cms) : ManagerContentListTests<PostgresCms>(cms);
