using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

public abstract class RevisionsApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private static readonly JsonObject FirstFrontMatter = new()
    {
        ["title"] = "第一版",
        ["date"] = "2013-05-01",
        ["summary"] = "摘要",
        ["tags"] = new JsonArray("测试"),
        ["mood"] = "calm",
        ["source"] = new JsonObject { ["name"] = "甲", ["url"] = "https://a.example/" },
    };

    private static readonly JsonObject SecondFrontMatter = new()
    {
        ["title"] = "第二版",
        ["date"] = "2013-05-01",
        ["summary"] = "摘要",
        ["tags"] = new JsonArray("测试"),
        ["mood"] = "calm",
        ["source"] = new JsonObject { ["name"] = "甲", ["url"] = "https://a.example/" },
    };

    private static readonly JsonObject ThirdFrontMatter = new()
    {
        ["title"] = "第三版",
        ["date"] = "2013-05-01",
        ["summary"] = "摘要",
        ["tags"] = new JsonArray("测试", "新标签"),
        ["source"] = new JsonObject { ["name"] = "乙", ["url"] = "https://a.example/" },
        ["rating"] = 5,
    };

    private const string FirstBody = "第一行\n第二行\n第三行\n";
    private const string SecondBody = "第一行\n第二行\n第三行\n";
    private const string ThirdBody = "第一行\n第二行改\n第三行\n第四行\n";

    [Fact]
    public async Task Saves_are_listed_newest_first_with_their_notes_marking_the_live_and_the_current_revision()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(Input(ApiJson.NewSection(), FirstFrontMatter, FirstBody));
        entry = await SaveAsync(admin, entry, SecondFrontMatter, SecondBody);
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);
        entry = await (await admin.GetAsync(Url(entry))).JsonAsync();
        entry = await SaveAsync(admin, entry, ThirdFrontMatter, ThirdBody);

        var response = await admin.GetAsync(Url(entry, "/revisions"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await response.JsonAsync()).AsArray();
        Assert.Equal([3, 2, 1], list.Select(r => r!["number"]!.GetValue<int>()));
        Assert.Equal(["saved", "saved", "created"], list.Select(r => r!["note"]!.GetValue<string>()));
        Assert.Equal([true, false, false], list.Select(r => r!["isCurrent"]!.GetValue<bool>()));
        Assert.Equal([false, true, false], list.Select(r => r!["isPublished"]!.GetValue<bool>()));
        Assert.All(list, r => Assert.Equal(CmsFactory.AdminEmail, r!["createdBy"]!.GetValue<string>()));
        Assert.All(list, r => Assert.Equal(entry["section"]!.GetValue<string>(), r!["section"]!.GetValue<string>()));
        Assert.All(list, r => Assert.Equal("first", r!["slug"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_revision_is_its_full_snapshot_and_an_unknown_revision_or_entry_is_404()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await CreateHistoryAsync(admin, ApiJson.NewSection());

        var first = await admin.GetAsync(Url(entry, "/revisions/1"));
        var third = await (await admin.GetAsync(Url(entry, "/revisions/3"))).JsonAsync();
        var unknown = await admin.GetAsync(Url(entry, "/revisions/99"));
        var noEntry = await admin.GetAsync($"/api/v1/manage/content/{Guid.NewGuid()}/revisions/1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var snapshot = await first.JsonAsync();
        Assert.Equal(1, snapshot["number"]!.GetValue<int>());
        Assert.Equal(entry["section"]!.GetValue<string>(), snapshot["section"]!.GetValue<string>());
        Assert.Equal("first", snapshot["slug"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(FirstFrontMatter, snapshot["frontMatter"]), snapshot["frontMatter"]!.ToJsonString());
        Assert.Equal(FirstBody, snapshot["body"]!.GetValue<string>());
        Assert.Equal("created", snapshot["note"]!.GetValue<string>());
        Assert.Equal(CmsFactory.AdminEmail, snapshot["createdBy"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(ThirdFrontMatter, third["frontMatter"]), third["frontMatter"]!.ToJsonString());
        Assert.Equal(ThirdBody, third["body"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(404, (await unknown.JsonAsync())["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, noEntry.StatusCode);
    }

    [Fact]
    public async Task Diff_between_the_first_and_third_revision_lists_exactly_the_changed_fields_and_body_lines()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await CreateHistoryAsync(admin, ApiJson.NewSection());

        var response = await admin.GetAsync(Url(entry, "/revisions/diff?from=1&to=3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = await response.JsonAsync();
        Assert.Equal(1, diff["from"]!.GetValue<int>());
        Assert.Equal(3, diff["to"]!.GetValue<int>());
        AssertJson(
            [
                Field("frontMatter.title", "changed", "第一版", "第三版"),
                Field("frontMatter.tags", "changed", new JsonArray("测试"), new JsonArray("测试", "新标签")),
                Field("frontMatter.mood", "removed", "calm", null),
                Field("frontMatter.source.name", "changed", "甲", "乙"),
                Field("frontMatter.rating", "added", null, 5),
            ],
            diff["fields"]);
        var body = diff["body"]!;
        Assert.False(body["unchanged"]!.GetValue<bool>());
        AssertJson(
            [
                Line("unchanged", "第一行", 1, 1),
                Line("deleted", "第二行", 2, null),
                Line("inserted", "第二行改", null, 2),
                Line("unchanged", "第三行", 3, 3),
                Line("inserted", "第四行", null, 4),
            ],
            body["lines"]);
    }

    [Fact]
    public async Task Diff_defaults_to_the_current_revision_against_the_one_before_it()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await CreateHistoryAsync(admin, ApiJson.NewSection());

        var diff = await (await admin.GetAsync(Url(entry, "/revisions/diff"))).JsonAsync();
        var toOnly = await (await admin.GetAsync(Url(entry, "/revisions/diff?to=2"))).JsonAsync();

        Assert.Equal(2, diff["from"]!.GetValue<int>());
        Assert.Equal(3, diff["to"]!.GetValue<int>());
        Assert.Equal(1, toOnly["from"]!.GetValue<int>());
        Assert.Equal(2, toOnly["to"]!.GetValue<int>());
        AssertJson([Field("frontMatter.title", "changed", "第一版", "第二版")], toOnly["fields"]);
        Assert.True(toOnly["body"]!["unchanged"]!.GetValue<bool>());
        Assert.All(toOnly["body"]!["lines"]!.AsArray(), l => Assert.Equal("unchanged", l!["kind"]!.GetValue<string>()));
        Assert.Equal(3, toOnly["body"]!["lines"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("from=99", "from")]
    [InlineData("from=abc", "from")]
    [InlineData("to=99", "to")]
    [InlineData("from=1&to=0", "to")]
    [InlineData("to=1", "from")]
    public async Task Diff_with_revisions_that_do_not_exist_is_a_validation_problem_naming_them(string query, string field)
    {
        var admin = await cms.AdminClientAsync();
        var entry = await CreateHistoryAsync(admin, ApiJson.NewSection());

        var response = await admin.GetAsync(Url(entry, "/revisions/diff?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Restore_saves_the_old_content_as_a_new_revision_and_refuses_a_stale_base()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await CreateHistoryAsync(admin, ApiJson.NewSection());

        var restored = await admin.PostAsJsonAsync(Url(entry, "/revisions/1/restore"), new { revision = 3 });
        var stale = await admin.PostAsJsonAsync(Url(entry, "/revisions/2/restore"), new { revision = 3 });
        var unknown = await admin.PostAsJsonAsync(Url(entry, "/revisions/99/restore"), new { revision = 4 });
        var unbased = await admin.PostAsJsonAsync(Url(entry, "/revisions/2/restore"), new { });

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var document = await restored.JsonAsync();
        Assert.Equal(4, document["revision"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(FirstFrontMatter, document["frontMatter"]), document["frontMatter"]!.ToJsonString());
        Assert.Equal(FirstBody, document["body"]!.GetValue<string>());
        Assert.Equal("第一版", document["title"]!.GetValue<string>());
        var fourth = await (await admin.GetAsync(Url(entry, "/revisions/4"))).JsonAsync();
        Assert.True(JsonNode.DeepEquals(FirstFrontMatter, fourth["frontMatter"]), fourth["frontMatter"]!.ToJsonString());
        Assert.Equal(FirstBody, fourth["body"]!.GetValue<string>());
        Assert.Equal("restored revision 1", fourth["note"]!.GetValue<string>());
        var sameAsFirst = await (await admin.GetAsync(Url(entry, "/revisions/diff?from=1&to=4"))).JsonAsync();
        Assert.Empty(sameAsFirst["fields"]!.AsArray());
        Assert.True(sameAsFirst["body"]!["unchanged"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unbased.StatusCode);
        Assert.Equal(["revision"], await unbased.ErrorFieldsAsync());
        var current = await (await admin.GetAsync(Url(entry))).JsonAsync();
        Assert.Equal(4, current["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_editor_limited_to_another_section_gets_404_for_every_revision_endpoint()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await CreateHistoryAsync(admin, ApiJson.NewSection());
        var outsider = await cms.ClientAsAsync("editor", [ApiJson.NewSection()]);

        var list = await outsider.GetAsync(Url(entry, "/revisions"));
        var one = await outsider.GetAsync(Url(entry, "/revisions/1"));
        var diff = await outsider.GetAsync(Url(entry, "/revisions/diff?from=1&to=3"));
        var restore = await outsider.PostAsJsonAsync(Url(entry, "/revisions/1/restore"), new { revision = 3 });

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, diff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        Assert.Equal(3, (await (await admin.GetAsync(Url(entry))).JsonAsync())["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_author_of_the_section_lists_revisions_and_restores_a_published_entry_but_not_one_in_review()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var author = await cms.ClientAsAsync("author", [section]);
        var entry = await CreateHistoryAsync(admin, section);
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);

        var list = await author.GetAsync(Url(entry, "/revisions"));
        var restored = await author.PostAsJsonAsync(Url(entry, "/revisions/1/restore"), new { revision = 3 });
        var draft = await restored.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await author.MoveAsync(draft, "submit")).StatusCode);
        var inReview = await author.PostAsJsonAsync(Url(entry, "/revisions/2/restore"), new { revision = 4 });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(3, (await list.JsonAsync()).AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(4, draft["revision"]!.GetValue<int>());
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.Equal(3, draft["publishedRevision"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, inReview.StatusCode);
        Assert.Equal(4, (await (await admin.GetAsync(Url(entry))).JsonAsync())["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_reviewer_and_a_read_only_token_may_read_revisions_but_restoring_is_403()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var reviewer = await cms.ClientAsAsync("reviewer", [section]);
        var readOnly = await cms.ClientAsAsync("editor", [section], scope: "read");
        var entry = await CreateHistoryAsync(admin, section);

        var list = await reviewer.GetAsync(Url(entry, "/revisions"));
        var diff = await readOnly.GetAsync(Url(entry, "/revisions/diff"));
        var byReviewer = await reviewer.PostAsJsonAsync(Url(entry, "/revisions/1/restore"), new { revision = 3 });
        var byReadOnly = await readOnly.PostAsJsonAsync(Url(entry, "/revisions/1/restore"), new { revision = 3 });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, diff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReadOnly.StatusCode);
        Assert.Equal(3, (await (await admin.GetAsync(Url(entry))).JsonAsync())["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task Revisions_need_a_signed_in_user()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await CreateHistoryAsync(admin, ApiJson.NewSection());

        var response = await cms.CreateClient().GetAsync(Url(entry, "/revisions"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>An article saved three times: revision 1 to 3 with the front matters and bodies above.</summary>
    private static async Task<JsonNode> CreateHistoryAsync(HttpClient client, string section)
    {
        var entry = await client.CreateAsync(Input(section, FirstFrontMatter, FirstBody));
        entry = await SaveAsync(client, entry, SecondFrontMatter, SecondBody);
        return await SaveAsync(client, entry, ThirdFrontMatter, ThirdBody);
    }

    private static async Task<JsonNode> SaveAsync(HttpClient client, JsonNode entry, JsonObject frontMatter, string body)
    {
        var input = Input(entry["section"]!.GetValue<string>(), frontMatter, body);
        input["revision"] = entry["revision"]!.GetValue<int>();
        var response = await client.PutAsJsonAsync(Url(entry), input);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static JsonObject Input(string section, JsonObject frontMatter, string body) =>
        new() { ["section"] = section, ["slug"] = "first", ["frontMatter"] = frontMatter.DeepClone(), ["body"] = body };

    private static string Url(JsonNode entry, string path = "") => $"/api/v1/manage/content/{entry["id"]}{path}";

    private static JsonObject Field(string field, string change, JsonNode? before, JsonNode? after) =>
        new() { ["field"] = field, ["change"] = change, ["before"] = before, ["after"] = after };

    private static JsonObject Line(string kind, string text, int? beforeLine, int? afterLine)
    {
        var line = new JsonObject { ["kind"] = kind, ["text"] = text };
        if (beforeLine is not null)
        {
            line["beforeLine"] = beforeLine;
        }

        if (afterLine is not null)
        {
            line["afterLine"] = afterLine;
        }

        return line;
    }

    private static void AssertJson(JsonNode[] expected, JsonNode? actual)
    {
        var array = new JsonArray(expected);
        Assert.True(JsonNode.DeepEquals(array, actual), $"expected {array.ToJsonString()}\n     got {actual?.ToJsonString()}");
    }
}

public sealed class SqliteRevisionsApiTests(SqliteCms cms) : RevisionsApiTests<SqliteCms>(cms);

public sealed class PostgresRevisionsApiTests(PostgresCms cms) : RevisionsApiTests<PostgresCms>(cms);
