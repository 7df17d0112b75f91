using PopCulture.Site.Content;

namespace PopCulture.Site.Tests;

public class ItemParserTests
{
    private static (ContentItem? Item, IReadOnlyList<Diagnostic> Problems) Parse(string text, string section = "parks", string slug = "sample", bool isIndex = false)
    {
        var diagnostics = new DiagnosticBag();
        var location = new ItemParser.Location($"content/{section}/{slug}.md", section, slug, isIndex, section);
        var item = ItemParser.Parse(location, text.ReplaceLineEndings("\n"), diagnostics);
        return (item, diagnostics.Snapshot());
    }

    [Fact]
    public void Parses_common_fields_and_a_park()
    {
        var (item, problems) = Parse("""
            ---
            type: park
            title: 姑苏区人口文化园（示例）
            date: 2013-05-01
            updated: 2014-06-01
            summary: 一句话介绍
            tags: [人口文化园, 幸福家庭]
            categories: 场馆
            weight: 3
            sample: true
            district: 姑苏区
            coordinates: { lat: 31.31, lng: 120.61 }
            opening_hours: 全天开放
            level: 地标精品
            exhibits:
              - name: 婚育新风长廊
                description: 展示新型婚育观念。
              - name: 幸福家庭雕塑
            ---
            正文
            """);

        Assert.Empty(problems);
        Assert.NotNull(item);
        Assert.Equal("park", item.Type);
        Assert.Equal(new DateOnly(2013, 5, 1), item.Date);
        Assert.Equal(["人口文化园", "幸福家庭"], item.Tags);
        Assert.Equal(["场馆"], item.Categories);
        Assert.Equal(3, item.Weight);
        Assert.True(item.Sample);
        var park = Assert.IsType<ParkFields>(item.Fields);
        Assert.Equal("姑苏区", park.District);
        Assert.Equal(new Coordinates(31.31, 120.61), park.Coordinates);
        Assert.Equal("地标精品", park.Level);
        Assert.Equal(2, park.Exhibits.Count);
        Assert.Null(park.Exhibits[1].Description);
        Assert.Equal("正文", item.Body.Trim());
        Assert.Equal(20, item.BodyLine);
    }

    [Fact]
    public void A_file_without_type_is_an_article_and_unknown_keys_are_kept()
    {
        var (item, problems) = Parse("---\ntitle: 标题\ndate: 2012-03-04\nsource_note: 来自规划\nextra_list: [1, 2]\n---\n", "news");

        Assert.Empty(problems);
        Assert.Equal(ContentTypes.Article, item!.Type);
        Assert.Equal("来自规划", item.Extra["source_note"]);
        Assert.Equal(new List<object?> { 1L, 2L }, item.Extra["extra_list"]);
        Assert.False(item.Extra.ContainsKey("title"));

        var (special, none) = Parse("---\ntitle: 标题\ndate: 2012-03-04\nratio: .nan\nbig: 1e999\nlat: 31.00\n---\n", "news");
        Assert.Empty(none);
        Assert.Equal(".nan", special!.Extra["ratio"]);
        Assert.Equal("1e999", special.Extra["big"]);
        Assert.Equal(31.0, special.Extra["lat"]);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_path_and_line()
    {
        var (item, problems) = Parse("---\ntitle: 标题\ndate: 2012-03-04\ntags: [一, 二\n---\n正文\n", "news", "broken");

        Assert.Null(item);
        var problem = Assert.Single(problems);
        Assert.StartsWith("content/news/broken.md:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("malformed YAML", problem.Message, StringComparison.Ordinal);
        Assert.InRange(problem.Line, 4, 5);
    }

    [Fact]
    public void Missing_required_fields_are_all_reported_with_their_lines()
    {
        var (_, problems) = Parse("---\ntype: hall\ntitle: 教育馆\ndistrict: 姑苏区\n---\n", "youth-hall", "hall");

        var messages = problems.Select(p => p.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("content/youth-hall/hall.md:", StringComparison.Ordinal) && m.Contains("'coordinates' is required", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'opening_hours' is required", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'booking' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_enum_value_names_the_allowed_values_and_the_line()
    {
        var (_, problems) = Parse("---\ntype: parenting-lesson\ntitle: 睡眠\nage_band: 3–4岁\nage_months: { from: 36, to: 40 }\ndomain: 睡觉\n---\n", "parenting", "sleep");

        var band = Assert.Single(problems, p => p.Message.Contains("age_band", StringComparison.Ordinal));
        Assert.Equal(4, band.Line);
        Assert.Contains("0–6月, 6–12月, 1–2岁, 2–3岁", band.Message, StringComparison.Ordinal);
        Assert.Equal("age_band", band.Field);
        var domain = Assert.Single(problems, p => p.Message.Contains("'domain'", StringComparison.Ordinal));
        Assert.Equal(6, domain.Line);
    }

    [Fact]
    public void Age_months_must_lie_inside_the_age_band_and_an_ascii_hyphen_is_accepted()
    {
        var (ok, none) = Parse("---\ntype: parenting-lesson\ntitle: 抬头\nage_band: 0-6月\nage_months: { from: 1, to: 4 }\ndomain: 动作发展\n---\n", "parenting", "a");
        Assert.Empty(none);
        Assert.Equal("0–6月", ((ParentingLessonFields)ok!.Fields!).AgeBand);

        var (_, problems) = Parse("---\ntype: parenting-lesson\ntitle: 抬头\nage_band: 0–6月\nage_months:\n  from: 5\n  to: 9\ndomain: 动作发展\n---\n", "parenting", "b");
        var problem = Assert.Single(problems);
        Assert.Contains("outside the age band 0–6月", problem.Message, StringComparison.Ordinal);
        Assert.Equal(6, problem.Line);
        Assert.Equal("age_months", problem.Field);
    }

    [Fact]
    public void A_sample_entry_may_not_give_a_street_address()
    {
        var (_, problems) = Parse("---\ntype: program-site\ntitle: 项目点\nsample: true\ndistrict: 昆山市\naddress: 某路1号\ncoordinates: { lat: 31.38, lng: 120.98 }\nkind: 项目点\nservices: [亲子活动]\n---\n", "parenting-sites", "s");

        var problem = Assert.Single(problems);
        Assert.Equal(6, problem.Line);
        Assert.Contains("sample entry must not give a street address", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiz_answers_must_point_at_an_option()
    {
        var (_, problems) = Parse("""
            ---
            type: lesson
            title: 第一课
            date: 2013-01-01
            course: c
            order: 1
            objectives: [认识变化]
            quiz:
              - question: 哪个对？
                options: [甲, 乙]
                answer: 2
            ---
            """, "adolescence", "l");

        var problem = Assert.Single(problems);
        Assert.Equal(11, problem.Line);
        Assert.Equal("quiz[0].answer", problem.Field);
        Assert.Contains("0 to 1", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[0, 2]", null)]
    [InlineData("[1]", null)]
    [InlineData("[0, 3]", "0 to 2")]
    [InlineData("[1, 1]", "lists option 1 twice")]
    [InlineData("[]", "needs at least one entry")]
    public void A_multiple_choice_answer_is_a_list_of_distinct_options(string answer, string? problem)
    {
        var (item, problems) = Parse($"""
            ---
            type: lesson
            title: 第一课
            date: 2013-01-01
            course: c
            order: 1
            objectives: [认识变化]
            quiz:
              - question: 哪些对？
                options: [甲, 乙, 丙]
                answer: {answer}
            ---
            """, "adolescence", "l");

        if (problem is null)
        {
            Assert.Empty(problems);
            var question = Assert.Single(Assert.IsType<LessonFields>(item!.Fields).Quiz);
            Assert.True(question.Multiple);
            Assert.Equal(answer.Trim('[', ']').Replace(" ", "", StringComparison.Ordinal), question.AnswerList);
        }
        else
        {
            var reported = Assert.Single(problems);
            Assert.Equal(11, reported.Line);
            Assert.Equal("quiz[0].answer", reported.Field);
            Assert.Contains(problem, reported.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_without_front_matter_or_closing_fence_is_reported()
    {
        var (_, none) = Parse("只有正文\n", "news", "bare");
        Assert.Contains("missing front matter", Assert.Single(none).Message, StringComparison.Ordinal);

        var (_, open) = Parse("---\ntitle: 标题\n正文\n", "news", "open");
        Assert.Contains("no closing '---'", Assert.Single(open).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_lists_the_media_it_uses()
    {
        var (item, problems) = Parse("""
            ---
            type: lesson
            title: 第一课
            date: 2013-01-01
            course: c
            order: 1
            objectives: [认识变化]
            cover: { src: cover.png, alt: 封面 }
            handouts: [{ title: 讲义, src: handout.md }]
            ---
            ![示意图](body.svg) 与 ![外链](https://example.org/x.png) 与 ![再次](cover.png "标题")
            """, "adolescence", "l");

        Assert.Empty(problems);
        Assert.Equal(["cover.png", "handout.md", "body.svg"], item!.MediaReferences());
    }

    [Fact]
    public void Titles_summaries_and_term_lists_have_limits()
    {
        var tags = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"t{i}"));
        var (_, problems) = Parse($"---\ntitle: {new string('长', 201)}\ndate: 2012-01-01\nsummary: {new string('短', 501)}\ntags: [{tags}]\ncategories: [{new string('类', 33)}]\n---\n", "news", "long");

        Assert.Equal(["categories", "summary", "tags", "title"], problems.Select(p => p.Field!).Order());
        Assert.Contains(problems, p => p.Message == "'title' is 201 characters long; at most 200 are allowed");
    }

    [Theory]
    [InlineData("Hello")]
    [InlineData("中文")]
    [InlineData("a_b")]
    [InlineData("-a")]
    public void Slugs_must_be_lowercase_ascii(string slug)
    {
        var (_, problems) = Parse($"---\ntitle: 标题\ndate: 2012-01-01\nslug: {slug}\n---\n", "news", "ok");

        Assert.Contains(problems, p => p.Message.Contains("lowercase ASCII", StringComparison.Ordinal) && p.Line == 4);
    }
}
