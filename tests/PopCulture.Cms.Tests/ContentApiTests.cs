using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace PopCulture.Cms.Tests;

/// <summary>Writing content through the management API: validation, concurrency, workflow, limits.</summary>
public abstract class ContentApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task Every_invalid_field_is_named_in_one_problem_and_nothing_is_stored()
    {
        var admin = await cms.AdminClientAsync();
        var section = ApiJson.NewSection();
        var input = new
        {
            section,
            slug = "bad",
            frontMatter = new
            {
                type = "park",
                date = "2013-13-01",
                district = "北京市",
                coordinates = new { lat = 31.3, lng = 120.6 },
                opening_hours = "全天",
                level = "省级",
                exhibits = Array.Empty<object>(),
                tags = Enumerable.Range(0, 21).Select(i => $"t{i}").ToArray(),
            },
            body = "正文",
        };

        var response = await admin.PostAsJsonAsync("/api/v1/manage/content", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["frontMatter.date", "frontMatter.district", "frontMatter.exhibits", "frontMatter.level", "frontMatter.tags", "frontMatter.title"],
            await response.ErrorFieldsAsync());
        var list = await (await admin.GetAsync($"/api/v1/manage/content?section={section}")).JsonAsync();
        Assert.Equal(0, list["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Bad Slug", "slug")]
    [InlineData("", "slug")]
    [InlineData("中文", "slug")]
    public async Task Slugs_must_be_ascii(string slug, string field)
    {
        var admin = await cms.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(ApiJson.NewSection(), slug));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Sections_must_be_ascii_and_urls_unique()
    {
        var admin = await cms.AdminClientAsync();
        var section = ApiJson.NewSection();
        await admin.CreateAsync(ApiJson.Article(section, "taken"));

        var badSection = await admin.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article("Parks!", "x"));
        var duplicate = await admin.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(section, "taken"));

        Assert.Equal(["section"], await badSection.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["slug"], await duplicate.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_section_limited_user_lists_only_their_sections()
    {
        var admin = await cms.AdminClientAsync();
        var mine = ApiJson.NewSection();
        var theirs = ApiJson.NewSection();
        await admin.CreateAsync(ApiJson.Article(mine, "a"));
        await admin.CreateAsync(ApiJson.Article(theirs, "b"));
        var author = await cms.ClientAsAsync("author", [mine]);

        var all = await (await author.GetAsync("/api/v1/manage/content?pageSize=100")).JsonAsync();
        var other = await (await author.GetAsync($"/api/v1/manage/content?section={theirs}")).JsonAsync();

        Assert.All(all["items"]!.AsArray(), item => Assert.Equal(mine, item!["section"]!.GetValue<string>()));
        Assert.Equal(1, all["total"]!.GetValue<int>());
        Assert.Equal(0, other["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_save_based_on_a_stale_revision_gets_409()
    {
        var admin = await cms.AdminClientAsync();
        var section = ApiJson.NewSection();
        var entry = await admin.CreateAsync(ApiJson.Article(section, "doc"));
        object Edit(int revision, string title) => new { section, slug = "doc", frontMatter = new { title, date = "2013-05-01" }, body = "b", revision };

        var first = await admin.PutAsJsonAsync($"/api/v1/manage/content/{entry["id"]}", Edit(1, "第一次修改"));
        var stale = await admin.PutAsJsonAsync($"/api/v1/manage/content/{entry["id"]}", Edit(1, "基于旧版本的修改"));
        var missing = await admin.PutAsJsonAsync($"/api/v1/manage/content/{entry["id"]}", new { section, slug = "doc", frontMatter = new { title = "t", date = "2013-05-01" } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.JsonAsync())["revision"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(["revision"], await missing.ErrorFieldsAsync());
    }

    [Fact]
    public async Task An_author_drafts_a_reviewer_approves_and_readers_see_it_only_then()
    {
        var section = ApiJson.NewSection();
        var author = await cms.ClientAsAsync("author", [section]);
        var reviewer = await cms.ClientAsAsync("reviewer", [section]);
        var reader = cms.CreateClient();
        var entry = await author.CreateAsync(ApiJson.Article(section, "story", "审核中的文章"));

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/content/{section}/story")).StatusCode);
        var submitted = await (await author.MoveAsync(entry, "submit")).JsonAsync();
        Assert.Equal("in-review", submitted["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await author.MoveAsync(entry, "publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.MoveAsync(entry, "submit")).StatusCode);

        var approved = await (await reviewer.MoveAsync(entry, "approve", new { comment = "内容准确" })).JsonAsync();

        Assert.Equal("published", approved["status"]!.GetValue<string>());
        var live = await (await reader.GetAsync($"/api/v1/content/{section}/story")).JsonAsync();
        Assert.Equal("审核中的文章", live["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Editing_a_live_entry_keeps_the_live_revision_until_it_is_published_again()
    {
        var admin = await cms.AdminClientAsync();
        var section = ApiJson.NewSection();
        var entry = await admin.CreateAsync(ApiJson.Article(section, "live", "上线的标题"));
        entry = await (await admin.MoveAsync(entry, "publish")).JsonAsync();
        var edit = new { section, slug = "live", frontMatter = new { title = "编辑中的标题", date = "2013-05-01" }, body = "新", revision = entry["revision"]!.GetValue<int>() };

        var edited = await (await admin.PutAsJsonAsync($"/api/v1/manage/content/{entry["id"]}", edit)).JsonAsync();
        var stillLive = await (await cms.CreateClient().GetAsync($"/api/v1/content/{section}/live")).JsonAsync();

        Assert.Equal("draft", edited["status"]!.GetValue<string>());
        Assert.Equal(1, edited["publishedRevision"]!.GetValue<int>());
        Assert.Equal("上线的标题", stillLive["title"]!.GetValue<string>());

        await admin.MoveAsync(edited, "publish");
        var republished = await (await cms.CreateClient().GetAsync($"/api/v1/content/{section}/live")).JsonAsync();
        Assert.Equal("编辑中的标题", republished["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scheduled_publishing_and_expiry_happen_in_the_background()
    {
        var admin = await cms.AdminClientAsync();
        var section = ApiJson.NewSection();
        var reader = cms.CreateClient();
        var later = await admin.CreateAsync(ApiJson.Article(section, "later", "定时发布"));
        var brief = await admin.CreateAsync(ApiJson.Article(section, "brief", "限时发布"));

        var scheduled = await (await admin.MoveAsync(later, "publish", new { at = DateTimeOffset.UtcNow.AddSeconds(1) })).JsonAsync();
        var expiring = await admin.MoveAsync(brief, "publish", new { expireAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        var badExpiry = await admin.MoveAsync(await admin.CreateAsync(ApiJson.Article(section, "bad")), "publish", new { expireAt = DateTimeOffset.UtcNow.AddDays(-1) });

        Assert.Equal("scheduled", scheduled["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, expiring.StatusCode);
        Assert.Equal(["expireAt"], await badExpiry.ErrorFieldsAsync());
        Assert.True(await EventuallyAsync(async () => (await reader.GetAsync($"/api/v1/content/{section}/later")).StatusCode == HttpStatusCode.OK), "the scheduled entry never went live");
        Assert.True(await EventuallyAsync(async () => (await reader.GetAsync($"/api/v1/content/{section}/brief")).StatusCode == HttpStatusCode.NotFound), "the expired entry stayed live");
        var archived = await (await admin.GetAsync($"/api/v1/manage/content/{brief["id"]}")).JsonAsync();
        Assert.Equal("archived", archived["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moves_that_do_not_fit_the_state_are_409_and_unknown_moves_400()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));

        Assert.Equal(HttpStatusCode.Conflict, (await admin.MoveAsync(entry, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.MoveAsync(entry, "restore")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.MoveAsync(entry, "unpublish")).StatusCode);
        Assert.Equal(["action"], await (await admin.MoveAsync(entry, "teleport")).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.MoveAsync(entry, "publish", new { revision = 99 })).StatusCode);
    }

    [Fact]
    public async Task A_live_entry_cannot_be_deleted_until_unpublished()
    {
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));
        entry = await (await admin.MoveAsync(entry, "publish")).JsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/manage/content/{entry["id"]}")).StatusCode);
        await admin.MoveAsync(entry, "unpublish");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/manage/content/{entry["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/manage/content/{entry["id"]}")).StatusCode);
    }

    [Fact]
    public async Task Oversized_and_malformed_bodies_are_refused_with_problem_details()
    {
        var admin = await cms.AdminClientAsync();
        var huge = new string('字', 1_200_000);

        var oversized = await admin.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(ApiJson.NewSection(), "big", body: huge));
        using var malformed = new StringContent("{\"section\": \"news\", \"slug\": ", Encoding.UTF8, "application/json");
        var broken = await admin.PostAsync("/api/v1/manage/content", malformed);
        using var wrongType = new StringContent("{\"section\": 5, \"slug\": [1], \"frontMatter\": \"text\"}", Encoding.UTF8, "application/json");
        var mistyped = await admin.PostAsync("/api/v1/manage/content", wrongType);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
    }

    [Fact]
    public async Task Signing_in_issues_a_token_and_repeated_failures_are_rate_limited()
    {
        var client = cms.CreateClient();

        var good = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CmsFactory.AdminEmail, password = CmsFactory.AdminPassword });
        var bad = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CmsFactory.AdminEmail, password = "wrong" });
        var empty = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "" });
        HttpResponseMessage last = bad;
        for (var i = 0; i < 12 && last.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.local", password = "wrong" });
        }

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.StartsWith("pc_", (await good.JsonAsync())["token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(["email", "password"], await empty.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route()
    {
        var client = cms.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var scalar = await client.GetAsync("/scalar/");
        var health = await (await client.GetAsync("/healthz")).JsonAsync();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var route in new[] { "/api/v1/content", "/api/v1/content/{section}/{slug}", "/api/v1/taxonomies", "/api/v1/auth/token",
                     "/api/v1/manage/content", "/api/v1/manage/content/{id}", "/api/v1/manage/content/{id}/transitions" })
        {
            Assert.Contains(route, paths);
        }

        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Equal("ok", health["status"]!.GetValue<string>());
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        // The background job ticks every few seconds; allow it several ticks before calling it broken.
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}

public sealed class SqliteContentApiTests(SqliteCms cms) : ContentApiTests<SqliteCms>(cms);

public sealed class PostgresContentApiTests(PostgresCms cms) : ContentApiTests<PostgresCms>(cms);
