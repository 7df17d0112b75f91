using System.Net;
using System.Text.Json.Nodes;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The CMS search over the demo content in <c>content/</c>: Chinese relevance, width folding, drafts and who may see
/// them, freshness after a publish, escaped highlights, facet counts and validation.
/// </summary>
public abstract class SearchApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    /// <summary>The first results, as many as expected, must be exactly the expected pages (in any order when several tie).</summary>
    [Theory]
    [InlineData("辅食", "/parenting/complementary-foods-6-12/")]
    [InlineData("育儿", "/parenting/ /news/kexue-yuer-yuleyuan/")]
    [InlineData("青春期", "/adolescence/ /adolescence/puberty-students/")]
    [InlineData("睡眠", "/parenting/safe-sleep-0-6/ /parenting/bedtime-routine-2-3/ /parenting/sleep-routine-6-12/")]
    [InlineData("自我保护", "/adolescence/puberty-parents-4-safety/ /adolescence/puberty-students-5-safety-help/ /adolescence/puberty-students-3-friendship-boundaries/")]
    [InlineData("昆山", "/parks/kunshan-park/ /youth-hall/kunshan-youth-hall/")]
    [InlineData("吴江区", "/parks/wujiang-park/ /parks/wujiang-village-park/ /parenting-sites/wujiang-project-site/")]
    [InlineData("母乳 喂养", "/parenting/breastfeeding-0-6/")]
    [InlineData("育乐", "/news/kexue-yuer-yuleyuan/")]
    [InlineData("人口文化园", "/parks/ /news/renkou-wenhuayuan-jianshe/")]
    public async Task Chinese_queries_find_the_expected_pages_first(string query, string expected)
    {
        var client = cms.CreateClient();
        var wanted = expected.Split(' ');

        var result = await SearchAsync(client, $"/api/v1/search?q={Uri.EscapeDataString(query)}");

        var top = Urls(result).Take(wanted.Length).ToArray();
        Assert.True(wanted.Order(StringComparer.Ordinal).SequenceEqual(top.Order(StringComparer.Ordinal)),
            $"{query}: expected {expected}, got {string.Join(' ', Urls(result).Take(5))}");
    }

    [Fact]
    public async Task A_query_with_no_match_finds_nothing()
    {
        var result = await SearchAsync(cms.CreateClient(), "/api/v1/search?q=" + Uri.EscapeDataString("无此词语xyz"));

        Assert.Equal(0, result["total"]!.GetValue<int>());
        Assert.Empty(result["items"]!.AsArray());
    }

    [Fact]
    public async Task Full_width_half_width_and_dashed_ages_find_the_same_pages()
    {
        var client = cms.CreateClient();

        var fullWidth = await SearchAsync(client, "/api/v1/search?q=" + Uri.EscapeDataString("０～３岁"));
        var halfWidth = await SearchAsync(client, "/api/v1/search?q=" + Uri.EscapeDataString("0～3岁"));
        var dashed = await SearchAsync(client, "/api/v1/search?q=" + Uri.EscapeDataString("0-3岁"));

        Assert.Equal("/parenting/", Urls(halfWidth).First());
        Assert.True(halfWidth["total"]!.GetValue<int>() >= 10, $"only {halfWidth["total"]} pages mention 0～3岁");
        Assert.Equal(Urls(halfWidth), Urls(fullWidth));
        Assert.Equal(Urls(halfWidth), Urls(dashed));
        Assert.Equal(halfWidth["total"]!.GetValue<int>(), fullWidth["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_draft_is_found_by_its_editor_but_not_publicly_nor_by_a_user_of_another_section()
    {
        var section = ApiJson.NewSection();
        var word = UniqueWord();
        var editor = await cms.ClientAsAsync(Roles.Editor, [section]);
        var outsider = await cms.ClientAsAsync(Roles.Editor, [ApiJson.NewSection()]);
        var entry = await editor.CreateAsync(ApiJson.Article(section, "draft", title: "草稿" + word, body: "尚未发布的" + word + "。"));

        var found = await PollAsync(editor, $"/api/v1/manage/search?q={word}", r => r["total"]!.GetValue<int>() > 0);
        var publicly = await SearchAsync(cms.CreateClient(), $"/api/v1/search?q={word}");
        var byOutsider = await SearchAsync(outsider, $"/api/v1/manage/search?q={word}");
        var byOutsiderInThatSection = await SearchAsync(outsider, $"/api/v1/manage/search?q={word}&section={section}");
        var asPublished = await SearchAsync(editor, $"/api/v1/manage/search?q={word}&status=published");
        var asDraft = await SearchAsync(editor, $"/api/v1/manage/search?q={word}&status=draft");

        var hit = Assert.Single(found["items"]!.AsArray())!;
        Assert.Equal(entry["id"]!.ToString(), hit["id"]!.ToString());
        Assert.Equal("draft", hit["status"]!.GetValue<string>());
        Assert.Equal(0, publicly["total"]!.GetValue<int>());
        Assert.Equal(0, byOutsider["total"]!.GetValue<int>());
        Assert.Equal(0, byOutsiderInThatSection["total"]!.GetValue<int>());
        Assert.Equal(0, asPublished["total"]!.GetValue<int>());
        Assert.Equal(1, asDraft["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publishing_makes_a_new_item_findable_publicly()
    {
        var admin = await cms.AdminClientAsync();
        var section = ApiJson.NewSection();
        var word = UniqueWord();
        var entry = await admin.CreateAsync(ApiJson.Article(section, "fresh", title: "新闻" + word, body: "刚刚发布的" + word + "。"));

        var before = await SearchAsync(cms.CreateClient(), $"/api/v1/search?q={word}");
        var published = await admin.MoveAsync(entry, "publish");
        var after = await PollAsync(cms.CreateClient(), $"/api/v1/search?q={word}", r => r["total"]!.GetValue<int>() > 0);

        Assert.Equal(0, before["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var hit = Assert.Single(after["items"]!.AsArray())!;
        Assert.Equal($"/{section}/fresh/", hit["url"]!.GetValue<string>());
        Assert.Null(hit["status"]);
    }

    [Fact]
    public async Task Highlights_mark_the_match_and_escape_html_from_content()
    {
        var admin = await cms.AdminClientAsync();
        var section = ApiJson.NewSection();
        var word = UniqueWord();
        var entry = await admin.CreateAsync(ApiJson.Article(section, "html", title: "标题" + word,
            body: $"示例：`<b onclick=\"x()\">{word}</b>` 与 1 < 2 & 3。"));
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);

        var result = await PollAsync(cms.CreateClient(), $"/api/v1/search?q={word}", r => r["total"]!.GetValue<int>() > 0);

        var hit = result["items"]![0]!;
        var snippet = hit["snippetHtml"]!.GetValue<string>();
        Assert.Equal($"标题<mark>{word}</mark>", hit["titleHtml"]!.GetValue<string>());
        Assert.Contains($"<mark>{word}</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b onclick=&quot;x()&quot;&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("1 &lt; 2 &amp; 3", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain('<', snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_alone_list_matches_with_facet_counts_over_every_match()
    {
        var client = cms.CreateClient();

        var district = await SearchAsync(client, "/api/v1/search?facet.district=" + Uri.EscapeDataString("吴江区"));
        var parks = await SearchAsync(client, "/api/v1/search?q=" + Uri.EscapeDataString("吴江区") + "&section=parks&pageSize=1");

        Assert.Equal(3, district["total"]!.GetValue<int>());
        Assert.Equal(["/parenting-sites/wujiang-project-site/", "/parks/wujiang-park/", "/parks/wujiang-village-park/"], Urls(district).Order(StringComparer.Ordinal));
        Assert.Equal("parks=2 parenting-sites=1", Counts(district, "section"));
        Assert.Equal("吴江区=3", Counts(district, "district"));
        Assert.Equal(2, parks["total"]!.GetValue<int>());
        Assert.Single(parks["items"]!.AsArray());
        Assert.Equal("parks=2", Counts(parks, "section"));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("colour=red", "colour")]
    [InlineData("facet.colour=red", "facet.colour")]
    [InlineData("status=draft", "status")]
    public async Task Bad_parameters_are_problems_naming_the_field(string query, string field)
    {
        var response = await cms.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("育儿") + "&" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task An_overlong_query_and_an_unknown_status_are_refused_by_name()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);

        var overlong = await cms.CreateClient().GetAsync("/api/v1/search?q=" + new string('育', 101));
        var status = await editor.GetAsync("/api/v1/manage/search?q=x&status=done");

        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(["q"], await overlong.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Equal(["status"], await status.ErrorFieldsAsync());
    }

    private static async Task<JsonNode> SearchAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>Searches until <paramref name="done"/> holds or a deadline passes (indexes refresh in the background), returning the last answer.</summary>
    private static async Task<JsonNode> PollAsync(HttpClient client, string url, Func<JsonNode, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var result = await SearchAsync(client, url);
        while (!done(result) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
            result = await SearchAsync(client, url);
        }

        return result;
    }

    private static string[] Urls(JsonNode result) => [.. result["items"]!.AsArray().Select(i => i!["url"]!.GetValue<string>())];

    private static string Counts(JsonNode result, string facet) =>
        string.Join(' ', result["facets"]![facet]!.AsArray().Select(c => $"{c!["value"]}={c["count"]}"));

    /// <summary>Four random common Chinese characters: a word no other page contains.</summary>
    private static string UniqueWord() =>
        string.Concat(Enumerable.Range(0, 4).Select(_ => (char)Random.Shared.Next(0x4E00, 0x9FA5)));
}

public sealed class SqliteSearchApiTests(SqliteCms cms) : SearchApiTests<SqliteCms>(cms);

public sealed class PostgresSearchApiTests(PostgresCms cms) : SearchApiTests<PostgresCms>(cms);
