using System.Net;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Tests;

/// <summary>The manager shows each user their own work in their own sections, in Chinese unless they switch to English.</summary>
public abstract class ManagerAccessTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task A_section_limited_editor_sees_only_their_sections_and_cannot_open_another_sections_list()
    {
        var mine = ApiJson.NewSection();
        var theirs = ApiJson.NewSection();
        await ManagerEntries.AddAsync(cms, mine, 2);
        var hidden = (await ManagerEntries.AddAsync(cms, theirs, 2))[0];
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [mine]);

        var dashboard = await editor.PageAsync("/manager");
        var sectionLinks = dashboard.QuerySelectorAll("#sections ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/manager/content?section={mine}"], sectionLinks);

        var everything = await editor.PageAsync("/manager/content");
        Assert.Equal(2, everything.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain(theirs, everything.Body!.TextContent, StringComparison.Ordinal);

        var (list, _) = await editor.GetAsync($"/manager/content?section={theirs}");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/manager/denied", list.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(list.Headers.Location!.PathAndQuery)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/manager/content/{hidden.Id}")).Response.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_lists_my_drafts_my_review_queue_and_the_schedule_of_my_sections()
    {
        var section = ApiJson.NewSection();
        using var reviewer = await ManagerVisitor.SignedInAsync(cms, "reviewer", [section]);
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var at = DateTimeOffset.UtcNow;
        await ManagerEntries.AddAsync(cms, section, 4, (i, e) => i switch
        {
            0 => ManagerEntries.New(section, "mine", "我的草稿一篇", [], at, WorkflowStatus.Draft, author.Email),
            1 => ManagerEntries.New(section, "other", "别人的草稿", [], at, WorkflowStatus.Draft, "someone@test.local"),
            2 => ManagerEntries.New(section, "review", "等待审核的文章", [], at, WorkflowStatus.InReview, author.Email),
            _ => Scheduled(ManagerEntries.New(section, "later", "定时发布的文章", [], at, WorkflowStatus.Scheduled, author.Email)),
        });

        var forAuthor = await author.PageAsync("/manager");
        var forReviewer = await reviewer.PageAsync("/manager");

        Assert.Equal(["我的草稿一篇"], Titles(forAuthor, "my-drafts"));
        Assert.Empty(forAuthor.QuerySelectorAll("#to-review")); // authors approve nothing: no review queue
        Assert.Equal(["定时发布的文章"], Titles(forAuthor, "scheduled"));
        Assert.Equal(["等待审核的文章"], Titles(forReviewer, "to-review"));
        Assert.Empty(Titles(forReviewer, "my-drafts"));
        Assert.NotEmpty(forReviewer.QuerySelectorAll("#builds ~ div tbody tr")); // the start-up build at least
    }

    [Fact]
    public async Task The_manager_is_in_Chinese_until_the_English_switch_is_used_and_then_stays_English()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [ApiJson.NewSection()]);

        var chinese = await editor.PageAsync("/manager");
        Assert.Equal("zh-CN", chinese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("工作台", chinese.QuerySelector("h1")!.TextContent);

        var switched = await editor.SubmitAsync("/manager/content?state=draft", "form[action='/manager/language']");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/manager/content?state=draft", switched.Headers.Location?.OriginalString);

        var english = await editor.PageAsync("/manager");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Dashboard", english.QuerySelector("h1")!.TextContent);
        Assert.Equal("My drafts", english.QuerySelector("#my-drafts")!.TextContent);
        Assert.Equal("All content", (await editor.PageAsync("/manager/content")).QuerySelector("h1")!.TextContent);

        await editor.SubmitAsync("/manager", "form[action='/manager/language']");
        Assert.Equal("工作台", (await editor.PageAsync("/manager")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_English_switch_before_signing_in()
    {
        using var visitor = ManagerVisitor.Anonymous(cms);

        await visitor.SubmitAsync("/manager/sign-in", "form[action='/manager/language']");
        var page = await visitor.PageAsync("/manager/sign-in");

        Assert.Equal("Sign in to the manager", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Email", page.QuerySelector("label[for=email]")!.TextContent);
    }

    private static string[] Titles(AngleSharp.Html.Dom.IHtmlDocument page, string panel) =>
        [.. page.QuerySelectorAll($"#{panel} ~ ul li > a").Select(a => a.TextContent)];

    private static Content.ContentEntry Scheduled(Content.ContentEntry entry)
    {
        // Far in the future, so the scheduled publisher leaves it alone while the test runs.
        entry.PublishAt = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return entry;
    }
}

public sealed class SqliteManagerAccessTests(SqliteCms cms) : ManagerAccessTests<SqliteCms>(cms);

public sealed class PostgresManagerAccessTests(PostgresCms cms) : ManagerAccessTests<PostgresCms>(cms);
