using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Tests;

/// <summary>The parenting section's age band × domain grid and its series pages, as routed from content.</summary>
public class ParentingModelTests
{
    private static async Task<(SiteModel Model, IReadOnlyList<Diagnostic> Problems)> RouteAsync(TempSite site)
    {
        var diagnostics = new DiagnosticBag();
        var snapshot = await new FolderContentSource(site.Content).LoadAsync(diagnostics, CancellationToken.None);
        return (SiteModelBuilder.Build(snapshot, includeDrafts: false, pageSize: 12, diagnostics), diagnostics.Snapshot());
    }

    private static string Lesson(string title, string band, int from, int to, string domain, string extra = "") =>
        $"---\ntype: parenting-lesson\ntitle: {title}\nage_band: {band}\nage_months: {{ from: {from}, to: {to} }}\ndomain: {domain}\n{extra}---\n";

    [Fact]
    public async Task The_grid_has_every_age_band_as_a_row_and_every_domain_as_a_column_with_lessons_in_their_cells()
    {
        using var site = new TempSite(copyDefaultTheme: false)
            .With("parenting/crawl.md", Lesson("爬", "6–12月", 6, 12, "动作发展"))
            .With("parenting/solids-late.md", Lesson("辅食二", "6–12月", 9, 12, "营养喂养"))
            .With("parenting/solids.md", Lesson("辅食一", "6–12月", 6, 9, "营养喂养"))
            .With("parenting/story.md", Lesson("讲故事", "2–3岁", 24, 36, "语言"))
            .With("parenting/draft.md", Lesson("草稿", "2–3岁", 24, 36, "睡眠", "draft: true\n"));

        var (model, problems) = await RouteAsync(site);

        Assert.Empty(problems);
        var rows = ParentingGrid.Build(model.Sections.Single().Items);
        Assert.Equal(["0–6月", "6–12月", "1–2岁", "2–3岁"], rows.Select(r => r.Band.Label));
        Assert.All(rows, r => Assert.Equal(Vocabulary.ParentingDomains, r.Cells.Select(c => c.Domain)));
        Assert.All(rows[0].Cells, c => Assert.Empty(c.Lessons));
        Assert.Equal(["辅食一", "辅食二"], rows[1].Cells[0].Lessons.Select(l => l.Title));
        Assert.Equal(["爬"], rows[1].Cells[2].Lessons.Select(l => l.Title));
        Assert.Equal(["讲故事"], rows[3].Cells[3].Lessons.Select(l => l.Title));
        Assert.Empty(rows[3].Cells[1].Lessons); // the draft is not published
        Assert.Equal(4, rows.Sum(r => r.Cells.Sum(c => c.Lessons.Count)));
    }

    [Fact]
    public async Task A_series_gets_a_page_listing_its_episodes_in_order()
    {
        using var site = new TempSite(copyDefaultTheme: false)
            .With("parenting/third.md", Lesson("第三", "0–6月", 0, 6, "语言", "series: 育乐园\nepisode: 3\n"))
            .With("parenting/first.md", Lesson("第一", "2–3岁", 24, 36, "睡眠", "series: 育乐园\nepisode: 1\n"))
            .With("parenting/second.md", Lesson("第二", "1–2岁", 12, 24, "语言", "series: 育乐园\nepisode: 2\n"))
            .With("parenting/alone.md", Lesson("不在系列", "0–6月", 0, 6, "睡眠"));

        var (model, problems) = await RouteAsync(site);

        Assert.Empty(problems);
        var page = Assert.Single(model.Pages, p => p.Kind == PageKind.Series);
        Assert.Equal("/parenting/series/yuleyuan/", page.Url);
        Assert.Equal("“育乐园”电视课堂", page.Title);
        Assert.Equal("parenting", page.Section!.Name);
        Assert.Equal(["第一", "第二", "第三"], page.Items.Select(i => i.Title));
        var second = model.Items.Single(i => i.Title == "第二");
        Assert.Same(page.Series, model.SeriesOf(second));
        Assert.Null(model.SeriesOf(model.Items.Single(i => i.Title == "不在系列")));
    }

    [Fact]
    public async Task An_episode_number_used_twice_in_a_series_is_reported_on_the_second_lessons_line()
    {
        using var site = new TempSite(copyDefaultTheme: false)
            .With("parenting/a.md", Lesson("甲", "0–6月", 0, 6, "语言", "series: 育乐园\nepisode: 2\n"))
            .With("parenting/b.md", Lesson("乙", "0–6月", 0, 6, "睡眠", "series: 育乐园\nepisode: 2\n"));

        var (_, problems) = await RouteAsync(site);

        Assert.Equal(
            ["content/parenting/b.md:8: episode 2 of '育乐园' is already content/parenting/a.md"],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task The_parenting_page_shows_the_grid_and_a_series_lesson_links_to_its_neighbours()
    {
        using var site = new TempSite().WithBasics()
            .With("parenting/_index.md", "---\ntitle: 0～3岁科学育儿\n---\n介绍。\n")
            .With("parenting/one.md", Lesson("第一集课", "0–6月", 0, 6, "语言", "series: 育乐园\nepisode: 1\n"))
            .With("parenting/two.md", Lesson("第二集课", "6–12月", 6, 9, "营养喂养", "series: 育乐园\nepisode: 2\n"))
            .With("parenting/three.md", Lesson("第三集课", "1–2岁", 12, 24, "睡眠", "series: 育乐园\nepisode: 3\n"));

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var home = site.Read("parenting/index.html");
        Assert.Contains("<th scope=\"col\">营养喂养</th>", home, StringComparison.Ordinal);
        Assert.Contains("<tr data-band=\"6–12月\" data-band-from=\"6\" data-band-to=\"12\">", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/parenting/two/\" data-months=\"6-9\">第二集课</a>", home, StringComparison.Ordinal);
        Assert.Contains("暂无<span class=\"vh\">2–3岁语言的</span>课程", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/parenting/series/yuleyuan/\">“育乐园”电视课堂</a>", home, StringComparison.Ordinal);
        var middle = site.Read("parenting/two/index.html");
        Assert.Contains("href=\"/parenting/one/\" rel=\"prev\"", middle, StringComparison.Ordinal);
        Assert.Contains("href=\"/parenting/three/\" rel=\"next\"", middle, StringComparison.Ordinal);
        Assert.Contains("第 2 集（共 3 集）", middle, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", site.Read("parenting/one/index.html"), StringComparison.Ordinal);
        var series = site.Read("parenting/series/yuleyuan/index.html");
        Assert.True(series.IndexOf("第一集课", StringComparison.Ordinal) < series.IndexOf("第三集课", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sections_series_are_listed_one_level_up_and_a_series_page_leads_back_there()
    {
        using var site = new TempSite().WithBasics()
            .With("parenting/_index.md", "---\ntitle: 0～3岁科学育儿\n---\n介绍。\n")
            .With("parenting/one.md", Lesson("第一集课", "0–6月", 0, 6, "语言", "series: 育乐园\nepisode: 1\n"))
            .With("parenting/two.md", Lesson("第二集课", "6–12月", 6, 9, "营养喂养", "series: 育乐园\nepisode: 2\n"));

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var index = site.Read("parenting/series/index.html");
        Assert.Contains("<a href=\"/parenting/series/yuleyuan/\">“育乐园”电视课堂</a>", index, StringComparison.Ordinal);
        Assert.Contains("共 2 集", index, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/parenting/series/\">系列节目</a></li>", site.Read("parenting/series/yuleyuan/index.html"), StringComparison.Ordinal);
        Assert.Contains("/parenting/series/</loc>", site.Read("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_with_the_slug_series_in_a_section_with_series_is_reported_on_its_file()
    {
        using var site = new TempSite(copyDefaultTheme: false)
            .With("parenting/one.md", Lesson("第一集课", "0–6月", 0, 6, "语言", "series: 育乐园\nepisode: 1\n"))
            .With("parenting/series.md", Lesson("系列", "0–6月", 0, 6, "睡眠"));

        var (_, problems) = await RouteAsync(site);

        var problem = Assert.Single(problems);
        Assert.Equal("content/parenting/series.md", problem.Path);
        Assert.Contains("/parenting/series/ lists this section's series", problem.Message, StringComparison.Ordinal);
    }
}
