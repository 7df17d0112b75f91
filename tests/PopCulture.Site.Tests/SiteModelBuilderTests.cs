using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Tests;

public class SiteModelBuilderTests
{
    private static async Task<(SiteModel Model, IReadOnlyList<Diagnostic> Problems)> RouteAsync(TempSite site)
    {
        var diagnostics = new DiagnosticBag();
        var snapshot = await new FolderContentSource(site.Content).LoadAsync(diagnostics, CancellationToken.None);
        var model = SiteModelBuilder.Build(snapshot, includeDrafts: false, pageSize: 12, diagnostics);
        return (model, diagnostics.Snapshot());
    }

    [Fact]
    public async Task A_lesson_of_a_missing_course_and_a_repeated_order_are_reported_on_their_lines()
    {
        using var site = new TempSite(copyDefaultTheme: false)
            .With("adolescence/c.md", "---\ntype: course\ntitle: 课\ndate: 2013-01-01\naudience: 学生\ngrade_band: 初中\ntopic: 主题\n---\n")
            .With("adolescence/a.md", "---\ntype: lesson\ntitle: 一\ndate: 2013-01-01\ncourse: c\norder: 1\nobjectives: [一]\n---\n")
            .With("adolescence/b.md", "---\ntype: lesson\ntitle: 二\ndate: 2013-01-01\ncourse: c\norder: 1\nobjectives: [二]\n---\n")
            .With("adolescence/x.md", "---\ntype: lesson\ntitle: 三\ndate: 2013-01-01\ncourse: nope\norder: 1\nobjectives: [三]\n---\n");

        var (_, problems) = await RouteAsync(site);

        Assert.Equal(
            ["content/adolescence/b.md:6: order 1 is already used by content/adolescence/a.md in course 'c'",
             "content/adolescence/x.md:5: course 'nope' does not exist in section 'adolescence'"],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task Bundle_media_are_published_beside_the_page_even_when_the_slug_is_overridden()
    {
        using var site = new TempSite(copyDefaultTheme: false)
            .With("parks/folder-name/index.md", "---\ntype: page\ntitle: 园\nslug: park-slug\n---\n")
            .With("parks/folder-name/photo.svg", "<svg/>")
            .With("parks/shared.svg", "<svg/>");

        var (model, problems) = await RouteAsync(site);

        Assert.Empty(problems);
        Assert.Equal("/parks/park-slug/photo.svg", model.MediaUrls["parks/folder-name/photo.svg"]);
        Assert.Equal("/parks/shared.svg", model.MediaUrls["parks/shared.svg"]);
        Assert.Contains("/parks/park-slug/", model.PageUrls);
    }

    [Fact]
    public async Task Parenting_lessons_are_listed_by_age_then_domain_and_terms_get_their_own_pages()
    {
        using var site = new TempSite(copyDefaultTheme: false)
            .With("parenting/late.md", "---\ntype: parenting-lesson\ntitle: 晚\nage_band: 2–3岁\nage_months: { from: 24, to: 36 }\ndomain: 语言\ntags: [阅读]\n---\n")
            .With("parenting/early-b.md", "---\ntype: parenting-lesson\ntitle: 早乙\nage_band: 0–6月\nage_months: { from: 0, to: 3 }\ndomain: 睡眠\ntags: [阅读, 睡觉 习惯]\n---\n")
            .With("parenting/early-a.md", "---\ntype: parenting-lesson\ntitle: 早甲\nage_band: 0–6月\nage_months: { from: 0, to: 3 }\ndomain: 营养喂养\n---\n");

        var (model, problems) = await RouteAsync(site);

        Assert.Empty(problems);
        var section = Assert.Single(model.Sections);
        Assert.Equal(["早甲", "早乙", "晚"], section.Items.Select(i => i.Title));
        var tags = Assert.Single(section.Taxonomies);
        Assert.Equal(["/parenting/tags/阅读/", "/parenting/tags/睡觉-习惯/"], tags.Terms.Select(t => t.Url));
        Assert.Contains("/parenting/tags/阅读/", model.PageUrls);
        Assert.Equal(["早甲", "早乙"], model.ParentingLessonsFor("0–6月").Select(i => i.Title));
    }
}
