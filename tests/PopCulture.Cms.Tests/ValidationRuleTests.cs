using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>Each validation rule of the content contract, through the management API, naming the field at fault.</summary>
public abstract class ValidationRuleTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Theory]
    [MemberData(nameof(ValidationCases.Cases), MemberType = typeof(ValidationCases))]
    public async Task A_rule_broken_is_a_400_naming_its_field(string type, string change, string field)
    {
        var admin = await cms.AdminClientAsync();
        var frontMatter = ValidationCases.Valid(type);
        ValidationCases.Apply(frontMatter, change);

        var response = await admin.PostAsJsonAsync("/api/v1/manage/content", new { section = ApiJson.NewSection(), slug = "item", frontMatter, body = "正文" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("park")]
    [InlineData("hall")]
    [InlineData("program-site")]
    [InlineData("parenting-lesson")]
    [InlineData("course")]
    [InlineData("lesson")]
    [InlineData("article")]
    public async Task The_valid_form_of_each_type_is_accepted(string type)
    {
        var admin = await cms.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/manage/content", new { section = ApiJson.NewSection(), slug = "item", frontMatter = ValidationCases.Valid(type), body = "正文" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_parenting_lesson_may_be_an_episode_of_the_yuleyuan_series()
    {
        var admin = await cms.AdminClientAsync();
        var frontMatter = ValidationCases.Valid("parenting-lesson");
        frontMatter["series"] = "育乐园";
        frontMatter["episode"] = 2;

        var response = await admin.PostAsJsonAsync("/api/v1/manage/content", new { section = ApiJson.NewSection(), slug = "item", frontMatter, body = "正文" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_lesson_goes_live_only_after_its_course()
    {
        var admin = await cms.AdminClientAsync();
        var section = ApiJson.NewSection();
        var lesson = await admin.CreateAsync(new { section, slug = "lesson-1", frontMatter = ValidationCases.Valid("lesson"), body = "正文" });
        var course = await admin.CreateAsync(new { section, slug = "course-a", frontMatter = ValidationCases.Valid("course"), body = "课程" });

        var early = await admin.MoveAsync(lesson, "publish");
        await admin.MoveAsync(course, "publish");
        var later = await admin.MoveAsync(lesson, "publish");

        Assert.Equal(["frontMatter.course"], await early.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var client = cms.CreateClient();
        var admin = await cms.AdminClientAsync();
        var email = $"lock-{Guid.NewGuid():N}@test.local";
        var created = await admin.PostAsJsonAsync("/api/v1/manage/users", new { email, displayName = "锁定测试", password = "Right-Passw0rd", grants = new[] { new { role = "author", sections = Array.Empty<string>() } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-Passw0rd" })).StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Right-Passw0rd" });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var user = await (await admin.GetAsync($"/api/v1/manage/users/{(await created.JsonAsync())["id"]}")).JsonAsync();
        Assert.True(user["lockedOut"]!.GetValue<bool>());
    }
}

/// <summary>A valid front matter per type, and the one change that breaks each rule.</summary>
public static class ValidationCases
{
    public static JsonObject Valid(string type) => type switch
    {
        "park" => Parse("""{"type":"park","title":"园","sample":true,"district":"姑苏区","coordinates":{"lat":31.3,"lng":120.6},"opening_hours":"全天开放","hours":{"tue":"09:00-17:00","sat":"09:00-11:30, 13:30-17:00"},"level":"地标精品","exhibits":[{"name":"长廊"}]}"""),
        "hall" => Parse("""{"type":"hall","title":"馆","district":"昆山市","coordinates":{"lat":31.38,"lng":120.98},"opening_hours":"工作日","booking":"由学校联系"}"""),
        "program-site" => Parse("""{"type":"program-site","title":"点","district":"太仓市","coordinates":{"lat":31.45,"lng":121.1},"kind":"项目点","services":["亲子活动"]}"""),
        "parenting-lesson" => Parse("""{"type":"parenting-lesson","title":"课","age_band":"6–12月","age_months":{"from":6,"to":9},"domain":"语言"}"""),
        "course" => Parse("""{"type":"course","title":"课程","date":"2013-09-01","audience":"学生","grade_band":"初中","topic":"青春期"}"""),
        "lesson" => Parse("""{"type":"lesson","title":"第一课","date":"2013-09-01","course":"course-a","order":1,"objectives":["认识变化"],"quiz":[{"question":"对吗？","options":["对","错"],"answer":0}]}"""),
        _ => Parse("""{"title":"文章","date":"2013-05-01","updated":"2013-06-01","summary":"摘要","tags":["标签"]}"""),
    };

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "article", "remove:title", "frontMatter.title" },
        { "article", "set:title=" + new string('长', 201), "frontMatter.title" },
        { "article", "remove:date", "frontMatter.date" },
        { "article", "set:date=2013-02-30", "frontMatter.date" },
        { "article", "set:updated=2012-01-01", "frontMatter.updated" },
        { "article", "set:type=poster", "frontMatter.type" },
        { "article", "set:summary=" + new string('短', 501), "frontMatter.summary" },
        { "article", "set:slug=Not_A_Slug", "frontMatter.slug" },
        { "park", "set:district=北京市", "frontMatter.district" },
        { "park", "set:level=省级", "frontMatter.level" },
        { "park", "remove:coordinates", "frontMatter.coordinates" },
        { "park", "json:coordinates={\"lat\":95,\"lng\":120}", "frontMatter.coordinates" },
        { "park", "remove:opening_hours", "frontMatter.opening_hours" },
        { "park", "json:exhibits=[]", "frontMatter.exhibits" },
        { "park", "set:address=某路1号", "frontMatter.address" },
        { "park", "json:cover={\"src\":\"x.png\"}", "frontMatter.cover.alt" },
        { "park", "set:hours=sometimes", "frontMatter.hours" },
        { "park", "json:hours={\"mon\":\"17:00-09:00\"}", "frontMatter.hours.mon" },
        { "park", "json:hours={\"mom\":\"09:00-17:00\"}", "frontMatter.hours.mom" },
        { "hall", "remove:booking", "frontMatter.booking" },
        { "program-site", "set:kind=中心", "frontMatter.kind" },
        { "program-site", "json:services=[]", "frontMatter.services" },
        { "parenting-lesson", "set:age_band=3–4岁", "frontMatter.age_band" },
        { "parenting-lesson", "json:age_months={\"from\":2,\"to\":9}", "frontMatter.age_months" },
        { "parenting-lesson", "set:domain=睡觉", "frontMatter.domain" },
        { "parenting-lesson", "set:series=天天育儿", "frontMatter.series" },
        { "parenting-lesson", "set:series=育乐园", "frontMatter.series" },
        { "parenting-lesson", "set:episode=育乐园 宝宝的第一口辅食", "frontMatter.episode" },
        { "course", "set:audience=校长", "frontMatter.audience" },
        { "course", "set:grade_band=大学", "frontMatter.grade_band" },
        { "course", "remove:topic", "frontMatter.topic" },
        { "lesson", "remove:course", "frontMatter.course" },
        { "lesson", "set:order=0", "frontMatter.order" },
        { "lesson", "json:objectives=[]", "frontMatter.objectives" },
        { "lesson", "json:quiz=[{\"question\":\"q\",\"options\":[\"a\",\"b\"],\"answer\":5}]", "frontMatter.quiz[0].answer" },
    };

    /// <summary>Applies <c>remove:key</c>, <c>set:key=text</c> or <c>json:key=value</c>.</summary>
    public static void Apply(JsonObject frontMatter, string change)
    {
        ArgumentNullException.ThrowIfNull(frontMatter);
        ArgumentNullException.ThrowIfNull(change);
        var (verb, rest) = (change[..change.IndexOf(':', StringComparison.Ordinal)], change[(change.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var key = rest.Split('=', 2)[0];
        switch (verb)
        {
            case "remove":
                frontMatter.Remove(key);
                break;
            case "set":
                frontMatter[key] = rest.Split('=', 2)[1];
                break;
            default:
                frontMatter[key] = JsonNode.Parse(rest.Split('=', 2)[1]);
                break;
        }
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}

public sealed class SqliteValidationRuleTests(SqliteCms cms) : ValidationRuleTests<SqliteCms>(cms);

public sealed class PostgresValidationRuleTests(PostgresCms cms) : ValidationRuleTests<PostgresCms>(cms);
