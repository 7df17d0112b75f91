using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The editing form: made from the content type's fields, saved through the store the API uses, its refusals shown by
/// field in Chinese with the values as entered, and repeated rows added and removed without script.
/// </summary>
public abstract class ManagerEditTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private static readonly string[] TwoTags = ["甲", "乙"];

    [Fact]
    public async Task An_author_creates_a_parenting_lesson_from_the_form_made_for_its_type()
    {
        var section = ApiJson.NewSection();
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var url = $"/manager/content/new?section={section}&type=parenting-lesson";

        var form = await author.PageAsync(url);
        Assert.Equal(["", "0–6月", "6–12月", "1–2岁", "2–3岁"], form.QuerySelectorAll("#f-age-band option").Select(o => o.GetAttribute("value")));
        Assert.Equal("number", form.QuerySelector("#f-age-months-from")!.GetAttribute("type"));
        Assert.Equal("date", form.QuerySelector("#f-date")!.GetAttribute("type"));
        var (response, _) = await ManagerForm.PostAsync(author, url, form, new Dictionary<string, string?>
        {
            ["slug"] = "talking-with-toddlers", ["fm.title"] = "和幼儿说话（示例）", ["fm.age_band"] = "1–2岁",
            ["fm.age_months.from"] = "12", ["fm.age_months.to"] = "18", ["fm.domain"] = "语言", ["fm.tags"] = "语言，亲子",
            ["fm.sample"] = "true", ["body"] = "## 多和孩子说话\r\n\r\n正文。\r\n",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.Headers.Location!.OriginalString.Split('/', '?')[3];
        Assert.Equal($"/manager/content/{id}?done=create", response.Headers.Location.OriginalString);
        var saved = await (await cms.AdminClientAsync()).GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{id}");
        Assert.Equal("parenting-lesson", saved!["type"]!.GetValue<string>());
        Assert.Equal("draft", saved["status"]!.GetValue<string>());
        Assert.Equal("## 多和孩子说话\n\n正文。\n", saved["body"]!.GetValue<string>());
        var frontMatter = saved["frontMatter"]!;
        Assert.Equal(12, frontMatter["age_months"]!["from"]!.GetValue<int>()); // a number, not the text "12"
        Assert.Equal("语言", frontMatter["domain"]!.GetValue<string>());
        Assert.True(frontMatter["sample"]!.GetValue<bool>());
        Assert.Equal(["语言", "亲子"], frontMatter["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refused_save_shows_each_error_in_Chinese_next_to_its_field_and_keeps_what_was_entered()
    {
        var section = ApiJson.NewSection();
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        var url = $"/manager/content/new?section={section}&type=park";

        var (response, page) = await ManagerForm.PostAsync(editor, url, new Dictionary<string, string?>
        {
            ["slug"] = "mudu", ["fm.title"] = "", ["fm.town"] = "木渎镇", ["fm.coordinates.lat"] = "200", ["fm.coordinates.lng"] = "120.5",
            ["fm.opening_hours"] = "9:00–17:00", ["fm.level"] = "地标精品", ["fm.exhibits[0].name"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var title = page.QuerySelector("#f-title")!;
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        Assert.Equal("f-title-error", title.GetAttribute("aria-describedby"));
        Assert.Equal("此项必填。", page.QuerySelector("#f-title-error")!.TextContent);
        Assert.Equal("此项必填。", page.QuerySelector("#f-district-error")!.TextContent);
        Assert.Equal("纬度须在 -90 到 90 之间，经度须在 -180 到 180 之间。", page.QuerySelector("#f-coordinates-lat-error")!.TextContent);
        Assert.Equal("此项必填。", page.QuerySelector("#f-exhibits-error")!.TextContent);
        var summary = page.QuerySelector("#error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Contains("#f-title", summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("#f-exhibits", summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("木渎镇", page.QuerySelector("#f-town")!.GetAttribute("value"));
        Assert.Equal("200", page.QuerySelector("#f-coordinates-lat")!.GetAttribute("value"));
        // The store checks the address before the fields: a bad slug is reported first, on its own.
        var (badSlug, slugPage) = await ManagerForm.PostAsync(editor, url, page, new Dictionary<string, string?> { ["slug"] = "Bad Slug" });
        Assert.Equal(HttpStatusCode.BadRequest, badSlug.StatusCode);
        Assert.Equal("只能使用小写英文字母、数字和“-”。", slugPage.QuerySelector("#f-slug-error")!.TextContent);
        Assert.Equal("Bad Slug", slugPage.QuerySelector("#f-slug")!.GetAttribute("value"));
        var list = await (await cms.AdminClientAsync()).GetFromJsonAsync<JsonNode>($"/api/v1/manage/content?section={section}");
        Assert.Empty(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task Editing_changes_the_shown_fields_and_keeps_front_matter_the_form_does_not_show()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(new
        {
            section, slug = "kept", body = "旧正文。",
            frontMatter = new { title = "旧标题", date = "2013-05-01", tags = TwoTags, source = "市卫健委" },
        });
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var url = $"/manager/content/{entry["id"]}/edit";

        var form = await author.PageAsync(url);
        Assert.Equal("旧标题", form.QuerySelector("#f-title")!.GetAttribute("value"));
        Assert.Equal("甲，乙", form.QuerySelector("#f-tags")!.GetAttribute("value"));
        Assert.Equal("2013-05-01", form.QuerySelector("#f-date")!.GetAttribute("value"));
        var (response, _) = await ManagerForm.PostAsync(author, url, form, new Dictionary<string, string?> { ["fm.title"] = "新标题", ["body"] = "新正文。" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/manager/content/{entry["id"]}?done=save", response.Headers.Location!.OriginalString);
        var saved = await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{entry["id"]}");
        Assert.Equal("新标题", saved!["title"]!.GetValue<string>());
        Assert.Equal(2, saved["revision"]!.GetValue<int>());
        Assert.Equal("市卫健委", saved["frontMatter"]!["source"]!.GetValue<string>());
        Assert.Equal("新正文。", saved["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Quiz_rows_are_added_and_removed_without_script_and_answers_count_from_one()
    {
        var section = ApiJson.NewSection();
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        var url = $"/manager/content/new?section={section}&type=lesson";
        var filled = new Dictionary<string, string?>
        {
            ["slug"] = "lesson-1", ["fm.title"] = "第一课", ["fm.date"] = "2024-09-01", ["fm.course"] = "growing-up", ["fm.order"] = "1",
            ["fm.objectives[0]"] = "认识青春期", ["fm.quiz[0].question"] = "第一题", ["fm.quiz[0].options"] = "甲\r\n乙", ["fm.quiz[0].answer"] = "2",
        };

        var (added, withRow) = await ManagerForm.PostAsync(editor, url, new Dictionary<string, string?>(filled) { ["add"] = "quiz" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("第一题", withRow.QuerySelector("#f-quiz-0-question")!.GetAttribute("value"));
        Assert.NotNull(withRow.QuerySelector("#f-quiz-1-question"));
        var (removed, withoutRow) = await ManagerForm.PostAsync(editor, url, withRow, new Dictionary<string, string?> { ["remove"] = "quiz[0]" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("", withoutRow.QuerySelector("#f-quiz-0-question")!.GetAttribute("value") ?? "");
        Assert.Null(withoutRow.QuerySelector("#f-quiz-1-question"));

        var (wrong, refused) = await ManagerForm.PostAsync(editor, url, new Dictionary<string, string?>(filled) { ["fm.quiz[0].answer"] = "3" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("请填写 1 到 2 之间的选项序号。", refused.QuerySelector("#f-quiz-0-answer-error")!.TextContent);
        Assert.Equal("3", refused.QuerySelector("#f-quiz-0-answer")!.GetAttribute("value"));

        var (created, _) = await ManagerForm.PostAsync(editor, url, filled);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/', '?')[3];
        var quiz = (await (await cms.AdminClientAsync()).GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{id}"))!["frontMatter"]!["quiz"]![0]!;
        Assert.Equal(1, quiz["answer"]!.GetValue<int>());
        Assert.Equal(["甲", "乙"], quiz["options"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Several_option_numbers_make_a_multiple_choice_answer_and_show_again_counting_from_one()
    {
        var section = ApiJson.NewSection();
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        var url = $"/manager/content/new?section={section}&type=lesson";
        var filled = new Dictionary<string, string?>
        {
            ["slug"] = "lesson-2", ["fm.title"] = "第二课", ["fm.date"] = "2024-09-01", ["fm.course"] = "growing-up", ["fm.order"] = "2",
            ["fm.objectives[0]"] = "认识情绪", ["fm.quiz[0].question"] = "哪些对？", ["fm.quiz[0].options"] = "甲\r\n乙\r\n丙", ["fm.quiz[0].answer"] = "1，3",
        };

        var (created, _) = await ManagerForm.PostAsync(editor, url, filled);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/', '?')[3];
        var quiz = (await (await cms.AdminClientAsync()).GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{id}"))!["frontMatter"]!["quiz"]![0]!;
        Assert.Equal([0, 2], quiz["answer"]!.AsArray().Select(a => a!.GetValue<int>()));
        var form = await editor.PageAsync($"/manager/content/{id}/edit");
        Assert.Equal("1，3", form.QuerySelector("#f-quiz-0-answer")!.GetAttribute("value"));
    }
}

public sealed class SqliteManagerEditTests(SqliteCms cms) : ManagerEditTests<SqliteCms>(cms);

public sealed class PostgresManagerEditTests(PostgresCms cms) : ManagerEditTests<PostgresCms>(cms);
