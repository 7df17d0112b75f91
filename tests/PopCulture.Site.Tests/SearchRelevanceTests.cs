using PopCulture.Site.Search;

namespace PopCulture.Site.Tests;

/// <summary>
/// Chinese queries over the repository's content/ with the pages a reader expects in the top three (precision at 3),
/// ranked by the C# engine that mirrors search.js. Expectations come from reading content/, not from the ranking.
/// </summary>
public class SearchRelevanceTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    /// <summary>Query, then the URLs that must all be among the first three results.</summary>
    public static TheoryData<string, string[]> TopThree => new()
    {
        // two-character words SmartCn splits into single characters
        { "育儿", ["/parenting/"] },
        { "辅食", ["/parenting/complementary-foods-6-12/"] },
        { "睡眠", ["/parenting/safe-sleep-0-6/", "/parenting/sleep-routine-6-12/", "/parenting/bedtime-routine-2-3/"] },
        { "挑食", ["/parenting/picky-eating-2-3/"] },
        { "爬行", ["/parenting/crawling-6-12/"] },
        { "体检", ["/parenting/checkups-vaccines-0-6/"] },
        { "趴着", ["/parenting/tummy-time-0-6/"] },
        { "养老", ["/news/jihua-shengyu-jiating-yanglao-bangfu/"] },
        { "友谊", ["/adolescence/puberty-students-3-friendship-boundaries/"] },
        { "情绪", ["/adolescence/puberty-parents-3-listening/", "/adolescence/puberty-students-2-emotions/"] },
        { "说话", ["/parenting/first-words-1-2/"] },
        { "预约", ["/youth-hall/gongye-yuanqu-youth-hall/"] },
        // words and phrases
        { "青春期", ["/adolescence/puberty-teachers/", "/adolescence/puberty-students/", "/adolescence/puberty-parents/"] },
        { "母乳喂养", ["/parenting/breastfeeding-0-6/"] },
        { "发脾气", ["/parenting/tantrums-2-3/"] },
        { "分离焦虑", ["/parenting/separation-anxiety-1-2/"] },
        { "讲故事", ["/parenting/telling-stories-2-3/"] },
        { "安全睡眠", ["/parenting/safe-sleep-0-6/"] },
        { "亲子阅读", ["/parenting/reading-together-6-12/"] },
        { "第一步", ["/parenting/first-steps-1-2/"] },
        { "身体变化", ["/adolescence/puberty-parents-2-prepare-changes/", "/adolescence/puberty-students-1-body-changes/"] },
        { "家长沟通", ["/adolescence/puberty-teachers-4-working-with-parents/"] },
        { "人口文化园", ["/parks/", "/news/renkou-wenhuayuan-jianshe/"] },
        { "婚育新风", ["/news/hunyu-xinfeng-jin-wanjia/"] },
        { "关爱女孩", ["/news/guanai-nvhai-xingdong/"] },
        { "幸福家庭", ["/news/xingfu-jiating-cujin-jihua/"] },
        { "流动人口", ["/news/liudong-renkou-jundeng-fuwu/"] },
        { "出生缺陷", ["/news/chusheng-quexian-ganyu-yousheng-jiankang/"] },
        { "阳光计生", ["/news/yangguang-jisheng/"] },
        { "生育关怀", ["/news/shengyu-guanhuai-aixin-chaoshi/"] },
        { "十二五", ["/news/suzhou-population-plan-12th-five-year/"] },
        { "青少年健康", ["/youth-hall/", "/news/qingshaonian-jiankang-renge/"] },
        { "育乐园", ["/news/kexue-yuer-yuleyuan/"] },
        // substrings that are not words
        { "乳喂", ["/parenting/breastfeeding-0-6/"] },
        { "工业园", ["/parks/gongye-yuanqu-park/", "/youth-hall/gongye-yuanqu-youth-hall/", "/parenting-sites/gongye-yuanqu-demo-base/"] },
        { "春期", ["/adolescence/"] },
        { "边界", ["/adolescence/puberty-students-3-friendship-boundaries/"] },
        // digits, full-width and half-width
        { "０～３岁", ["/parenting/", "/news/kexue-yuer-yuleyuan/"] },
        { "0～3岁", ["/parenting/", "/news/kexue-yuer-yuleyuan/"] },
        { "0-3岁", ["/parenting/", "/news/kexue-yuer-yuleyuan/"] },
        { "6个月", ["/parenting/complementary-foods-6-12/", "/parenting/breastfeeding-0-6/"] },
        // districts, whole and in part
        { "姑苏区", ["/parks/gusu-park/", "/parenting-sites/gusu-demo-base/"] },
        { "相城区", ["/parks/xiangcheng-park/", "/parenting-sites/xiangcheng-project-site/"] },
        { "苏州工业园区", ["/parks/gongye-yuanqu-park/", "/youth-hall/gongye-yuanqu-youth-hall/", "/parenting-sites/gongye-yuanqu-demo-base/"] },
        { "吴江", ["/parks/wujiang-park/", "/parks/wujiang-village-park/", "/parenting-sites/wujiang-project-site/"] },
        { "昆山", ["/parks/kunshan-park/", "/youth-hall/kunshan-youth-hall/"] },
        { "常熟", ["/parks/changshu-park/", "/parenting-sites/changshu-demo-base/"] },
        // mixed Chinese and English (slugs are indexed as words)
        { "sleep 睡眠", ["/parenting/safe-sleep-0-6/", "/parenting/sleep-routine-6-12/"] },
        { "gusu 人口文化园", ["/parks/gusu-park/"] },
        { "puberty 家长", ["/adolescence/puberty-parents-1-start-talking/"] },
    };

    [Theory]
    [MemberData(nameof(TopThree))]
    public void A_query_ranks_the_pages_a_reader_expects_in_the_top_three(string query, string[] expected)
    {
        var top = fixture.Engine().Search(query).Hits.Take(3).Select(h => h.Url).ToList();
        Assert.All(expected, url => Assert.Contains(url, top));
    }

    [Fact]
    public void Self_protection_finds_a_lesson_on_keeping_safe_in_the_top_three()
    {
        // 自我保护 is written 保护自己 in two lesson titles: the top three must hold at least one of the three safety lessons.
        string[] safety = ["/adolescence/puberty-students-3-friendship-boundaries/", "/adolescence/puberty-students-5-safety-help/", "/adolescence/puberty-parents-4-safety/"];
        var top = fixture.Engine().Search("自我保护").Hits.Take(3).Select(h => h.Url);
        Assert.Contains(top, safety.Contains);
    }

    [Fact]
    public void Full_width_half_width_and_hyphenated_age_ranges_give_the_same_results()
    {
        var engine = fixture.Engine();
        var full = engine.Search("０～３岁").Hits.Select(h => h.Url).ToList();
        Assert.NotEmpty(full);
        Assert.Equal(full, engine.Search("0～3岁").Hits.Select(h => h.Url));
        Assert.Equal(full, engine.Search("0-3岁").Hits.Select(h => h.Url));
        Assert.Equal(full, engine.Search("0~3岁").Hits.Select(h => h.Url));
    }

    [Theory]
    [InlineData("量子计算")]
    [InlineData("WHO 母乳")]
    [InlineData("睡眠 量子")]
    public void A_query_with_a_term_no_page_has_matches_nothing(string query) => Assert.Empty(fixture.Engine().Search(query).Hits);

    [Fact]
    public void A_section_filter_alone_lists_the_whole_section_newest_first()
    {
        var hits = fixture.Engine().Search("", Filter("section", "parks")).Hits;
        Assert.Equal(fixture.Model.Items.Count(i => i.Section == "parks"), hits.Count);
        Assert.All(hits, h => Assert.StartsWith("/parks/", h.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void A_district_filter_alone_finds_the_district_s_places()
    {
        var urls = fixture.Engine().Search(null, Filter("district", "姑苏区")).Hits.Select(h => h.Url).Order(StringComparer.Ordinal);
        Assert.Equal(["/parenting-sites/gusu-demo-base/", "/parks/gusu-park/"], urls);
    }

    [Fact]
    public void A_domain_filter_alone_finds_the_sleep_lessons()
    {
        var urls = fixture.Engine().Search("", Filter("domain", "睡眠")).Hits.Select(h => h.Url).Order(StringComparer.Ordinal);
        Assert.Equal(["/parenting/bedtime-routine-2-3/", "/parenting/safe-sleep-0-6/", "/parenting/sleep-routine-6-12/"], urls);
    }

    [Fact]
    public void An_audience_filter_alone_finds_the_teachers_course_and_its_lessons_only()
    {
        var hits = fixture.Engine().Search("", Filter("audience", "教师")).Hits;
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.StartsWith("/adolescence/puberty-teachers", h.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void An_age_band_filter_narrows_a_query_to_that_age()
    {
        var hits = fixture.Engine().Search("睡眠", Filter("age", "0–6月")).Hits;
        Assert.Equal("/parenting/safe-sleep-0-6/", Assert.Single(hits).Url);
    }

    [Fact]
    public void Facet_counts_add_up_to_the_results_for_single_valued_facets()
    {
        var results = fixture.Engine().Search("育儿");
        Assert.Equal(results.Hits.Count, results.Facets["type"].Sum(v => v.Value));
        Assert.Equal(results.Hits.Count(h => h.Url.StartsWith("/parenting/", StringComparison.Ordinal)), results.Facets["section"].Single(v => v.Key == "parenting").Value);
    }

    private static Dictionary<string, IReadOnlyList<string>> Filter(string key, string value) => new() { [key] = [value] };
}
