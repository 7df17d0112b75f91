using System.Net;
using AngleSharp.Html.Dom;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Tests;

/// <summary>
/// A content list with a search or a facet filter: answered by the management search index, ranked as the search API
/// ranks, restricted to the user's sections, with facet counts and highlighted fragments, paged.
/// </summary>
public abstract class ManagerContentSearchTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task A_word_only_in_a_drafts_body_is_found_with_its_fragment_marked_and_nothing_else_as_html()
    {
        var section = ApiJson.NewSection();
        var word = UniqueWord();
        var api = await cms.ClientAsAsync(Roles.Editor, [section]);
        await api.CreateAsync(ApiJson.Article(section, "other", "另一篇", "与此无关的正文。"));
        var draft = await api.CreateAsync(ApiJson.Article(section, "draft", "尚未发布", $"开头的文字。a < b & c，这里提到{word}。<script>alert(1)</script>"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, Roles.Editor, [section]);

        var list = await PollAsync(editor, $"/manager/content?section={section}&q={word}", page => Titles(page).Length > 0);

        Assert.Equal(["尚未发布"], Titles(list));
        Assert.Equal($"/manager/content/{draft["id"]}", list.QuerySelector("tbody tr a")!.GetAttribute("href"));
        var snippet = list.QuerySelector("tbody tr .snippet")!;
        Assert.Equal([word], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.All(snippet.QuerySelectorAll("*"), element => Assert.Equal("MARK", element.TagName));
        Assert.Contains("a < b & c", snippet.TextContent, StringComparison.Ordinal);
        Assert.Equal("按相关度排序中", list.QuerySelector(".order")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_search_ranks_as_the_management_search_api_does_and_finds_words_only_in_bodies()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, Roles.Admin);
        var api = await cms.AdminClientAsync();

        var list = await admin.PageAsync("/manager/content?section=parenting&q=" + Uri.EscapeDataString("辅食"));
        var found = await (await api.GetAsync("/api/v1/manage/search?section=parenting&pageSize=50&q=" + Uri.EscapeDataString("辅食"))).JsonAsync();

        var ids = found["items"]!.AsArray().Select(i => $"/manager/content/{i!["id"]}").ToArray();
        Assert.True(ids.Length > 1, $"辅食 finds {ids.Length} parenting pages");
        Assert.Equal(ids, list.QuerySelectorAll("tbody tr td:first-child > a").Select(a => a.GetAttribute("href")));
        Assert.Equal("complementary-foods-6-12", found["items"]![0]!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_search_lists_only_the_sections_its_user_may_read()
    {
        var (mine, theirs) = (ApiJson.NewSection(), ApiJson.NewSection());
        var word = UniqueWord();
        var api = await cms.AdminClientAsync();
        await api.CreateAsync(ApiJson.Article(mine, "mine", "我的栏目", $"提到{word}。"));
        await api.CreateAsync(ApiJson.Article(theirs, "theirs", "别人的栏目", $"也提到{word}。"));
        using var admin = await ManagerVisitor.SignedInAsync(cms, Roles.Admin);
        using var editor = await ManagerVisitor.SignedInAsync(cms, Roles.Editor, [mine]);
        await PollAsync(admin, $"/manager/content?q={word}", page => Titles(page).Length == 2);

        var everywhere = await editor.PageAsync($"/manager/content?q={word}");
        var (denied, _) = await editor.GetAsync($"/manager/content?section={theirs}&q={word}");

        Assert.Equal(["我的栏目"], Titles(everywhere));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task Facet_filters_offer_their_values_with_counts_and_combine_with_state_and_search()
    {
        var section = ApiJson.NewSection();
        var api = await cms.ClientAsAsync(Roles.Editor, [section]);
        var early = await api.CreateAsync(Lesson(section, "sleep-early", "早期睡眠", "0–6月", 0, 6, "睡眠", "每天做抚触。"));
        await api.CreateAsync(Lesson(section, "feeding-early", "早期喂养", "0–6月", 0, 6, "营养喂养", "按需喂奶。"));
        await api.CreateAsync(Lesson(section, "sleep-later", "后期睡眠", "6–12月", 6, 12, "睡眠", "睡前抚触。"));
        await api.CreateAsync(ApiJson.Article(section, "news", "一篇文章"));
        Assert.True((await api.MoveAsync(early, "submit")).IsSuccessStatusCode);
        using var editor = await ManagerVisitor.SignedInAsync(cms, Roles.Editor, [section]);
        var list = $"/manager/content?section={section}";

        // The index takes the submit a moment after the store does.
        var sleepInReview = await PollAsync(editor, list + "&domain=睡眠&state=in-review", page => Titles(page).Length > 0);
        var all = await editor.PageAsync(list);
        var sleep = await editor.PageAsync(list + "&domain=睡眠&sort=title");
        var sleepLater = await editor.PageAsync(list + "&domain=睡眠&age_band=6–12月");
        var searched = await editor.PageAsync(list + "&q=抚触&age_band=0–6月");

        Assert.Equal(["parenting-lesson=科学育儿课（3）", "article=文章（1）"], Options(all, "type"));
        Assert.Equal(["0–6月=0–6月（2）", "6–12月=6–12月（1）"], Options(all, "age_band"));
        Assert.Equal(["睡眠=睡眠（2）", "营养喂养=营养喂养（1）"], Options(all, "domain"));
        Assert.Null(all.QuerySelector("#facet-district")); // no entry here has a district
        Assert.Equal(["后期睡眠", "早期睡眠"], Titles(sleep));
        Assert.Equal("睡眠", ((IHtmlSelectElement)sleep.QuerySelector("#facet-domain")!).Value);
        Assert.Equal(["睡眠=睡眠（2）", "营养喂养=营养喂养（1）"], Options(sleep, "domain")); // the other value stays offered
        Assert.Equal(["0–6月=0–6月（1）", "6–12月=6–12月（1）"], Options(sleep, "age_band"));
        Assert.Equal(["后期睡眠"], Titles(sleepLater));
        Assert.Equal(["早期睡眠"], Titles(sleepInReview));
        Assert.Equal(["早期睡眠"], Titles(searched));
        Assert.Contains("domain=%E7%9D%A1%E7%9C%A0", sleep.QuerySelector("th[aria-sort] a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_results_are_paged_50_at_a_time_and_the_pages_keep_the_search()
    {
        var section = ApiJson.NewSection();
        await ManagerEntries.AddAsync(cms, section, 120);
        using var editor = await ManagerVisitor.SignedInAsync(cms, Roles.Editor, [section]);
        var query = "q=" + Uri.EscapeDataString("正文");

        var first = await editor.PageAsync($"/manager/content?section={section}&{query}");
        var second = await editor.PageAsync(first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);
        var last = await editor.PageAsync($"/manager/content?section={section}&{query}&page=3");
        var past = await editor.PageAsync($"/manager/content?section={section}&{query}&page=99");
        var byTitle = await editor.PageAsync($"/manager/content?section={section}&{query}&sort=title&page=3");

        Assert.Equal("共 120 条，第 1 / 3 页", first.QuerySelector(".count")!.TextContent);
        Assert.Equal($"/manager/content?section={section}&{query}&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(120, Titles(first).Concat(Titles(second)).Concat(Titles(last)).Distinct().Count());
        Assert.Equal(20, Titles(last).Length);
        Assert.Equal(Titles(last), Titles(past));
        Assert.Equal([.. Enumerable.Range(100, 20).Select(i => $"条目 {i:D3}")], Titles(byTitle));
        Assert.Equal("按相关度排序", byTitle.QuerySelector(".order a")!.TextContent);
    }

    private static object Lesson(string section, string slug, string title, string band, int from, int to, string domain, string body) =>
        new { section, slug, frontMatter = new { type = "parenting-lesson", title, age_band = band, age_months = new { from, to }, domain }, body };

    /// <summary>Reads a list until <paramref name="done"/> holds (the index refreshes about every second) or 30 s pass.</summary>
    private static async Task<IHtmlDocument> PollAsync(ManagerVisitor visitor, string url, Func<IHtmlDocument, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var page = await visitor.PageAsync(url);
        while (!done(page) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
            page = await visitor.PageAsync(url);
        }

        return page;
    }

    private static string[] Titles(IHtmlDocument page) => [.. page.QuerySelectorAll("tbody tr td:first-child > a").Select(a => a.TextContent)];

    /// <summary>A facet select's options but "any", as value=label.</summary>
    private static string[] Options(IHtmlDocument page, string facet) =>
        [.. page.QuerySelectorAll($"#facet-{facet} option").Skip(1).Select(o => $"{o.GetAttribute("value")}={o.TextContent}")];

    private static string UniqueWord() =>
        string.Concat(Enumerable.Range(0, 4).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)));
}

public sealed class SqliteManagerContentSearchTests(SqliteCms cms) : ManagerContentSearchTests<SqliteCms>(cms);

public sealed class PostgresManagerContentSearchTests(PostgresCms cms) : ManagerContentSearchTests<PostgresCms>(cms);
