using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>The expected outcome of every role × section limit × action.</summary>
public static class AuthorizationMatrix
{
    private static readonly string[] Actions = ["read", "create", "edit", "delete", "submit", "approve", "reject", "publish", "unpublish", "restore", "preview"];

    // What each role may do when the section is within its grant; outside it, entries are invisible (404) and creating is 403.
    private static readonly Dictionary<string, HashSet<string>> Allowed = new()
    {
        ["admin"] = [.. Actions],
        ["editor"] = [.. Actions],
        ["author"] = ["read", "create", "edit", "submit", "preview"],
        ["reviewer"] = ["read", "approve", "reject", "preview"],
    };

    public static TheoryData<string, Limit, string, int> Cases()
    {
        var data = new TheoryData<string, Limit, string, int>();
        foreach (var role in Allowed.Keys)
        {
            foreach (var limit in role == "admin" ? [Limit.None] : Enum.GetValues<Limit>())
            {
                foreach (var action in Actions)
                {
                    data.Add(role, limit, action, Expected(role, limit, action));
                }
            }
        }

        return data;
    }

    private static int Expected(string role, Limit limit, string action)
    {
        if (limit == Limit.OtherSection)
        {
            return action == "create" ? 403 : 404;
        }

        if (!Allowed[role].Contains(action))
        {
            return 403;
        }

        return action switch
        {
            "create" => 201,
            "delete" => 204,
            _ => 200,
        };
    }

}

/// <summary>How a test user's grant relates to the entry's section.</summary>
public enum Limit
{
    None,
    OwnSection,
    OtherSection,
}

/// <summary>
/// Every role × every content action, with no section limit, limited to the entry's section, and limited to another
/// section, asserting the exact status code.
/// </summary>
public abstract class AuthorizationMatrixTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Cases), MemberType = typeof(AuthorizationMatrix))]
    public async Task Each_role_gets_exactly_the_expected_status(string role, Limit limit, string action, int expected)
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var sections = limit switch
        {
            Limit.OwnSection => new[] { section },
            Limit.OtherSection => [ApiJson.NewSection()],
            _ => null,
        };
        var client = await cms.ClientAsAsync(role, sections);
        var entry = await PrepareAsync(admin, section, action);

        var response = action switch
        {
            "read" => await client.GetAsync($"/api/v1/manage/content/{entry!["id"]}"),
            "create" => await client.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(section, "by-" + role)),
            "edit" => await client.PutAsJsonAsync($"/api/v1/manage/content/{entry!["id"]}", Edited(entry, section)),
            "delete" => await client.DeleteAsync($"/api/v1/manage/content/{entry!["id"]}"),
            "preview" => await client.PostAsync($"/api/v1/manage/content/{entry!["id"]}/preview", null),
            _ => await client.MoveAsync(entry!, action),
        };

        Assert.True((int)response.StatusCode == expected, $"{role} ({limit}) {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_read_scoped_token_may_look_but_not_change()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section));
        var reader = await cms.ClientAsAsync("editor", scope: "read");

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/manage/content/{entry["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/manage/search?q=x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.PostAsync($"/api/v1/manage/content/{entry["id"]}/preview", null)).StatusCode); // sharing a look is looking
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(section, "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.MoveAsync(entry, "publish")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_management_route()
    {
        var client = cms.CreateClient();

        foreach (var url in new[] { "/api/v1/manage/content", $"/api/v1/manage/content/{Guid.NewGuid()}", "/api/v1/manage/search?q=x" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article("news"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"/api/v1/manage/content/{Guid.NewGuid()}/preview", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=x")).StatusCode); // live content is public
        client.DefaultRequestHeaders.Authorization = new("Bearer", "pc_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/manage/content")).StatusCode);
    }

    [Fact]
    public async Task Webhook_endpoints_are_for_admins_only_and_a_read_token_may_only_look()
    {
        var hook = $"/api/v1/manage/webhooks/{Guid.NewGuid()}";
        var body = new { url = "http://127.0.0.1:9/hook", events = new[] { "entry.published" } };
        var callers = new (HttpClient Client, string Who)[]
        {
            (cms.CreateClient(), "anonymous"), (await cms.ClientAsAsync("editor"), "editor"), (await cms.ClientAsAsync("admin", scope: "read"), "read-only admin"),
        };
        // Per route: anonymous, editor, read-only admin (who passes the gate for reads, so an unknown id is a 404).
        var routes = new (string Method, string Url, int[] Expected)[]
        {
            ("GET", "/api/v1/manage/webhooks", [401, 403, 200]),
            ("POST", "/api/v1/manage/webhooks", [401, 403, 403]),
            ("GET", hook, [401, 403, 404]),
            ("PUT", hook, [401, 403, 403]),
            ("DELETE", hook, [401, 403, 403]),
            ("GET", hook + "/deliveries", [401, 403, 404]),
        };

        foreach (var (method, url, expected) in routes)
        {
            for (var i = 0; i < callers.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method is "POST" or "PUT" ? JsonContent.Create(body) : null };
                var status = (int)(await callers[i].Client.SendAsync(request)).StatusCode;
                Assert.True(status == expected[i], $"{callers[i].Who} {method} {url}: expected {expected[i]}, got {status}");
            }
        }
    }

    [Fact]
    public async Task Source_endpoints_are_anonymous_and_read_only()
    {
        var client = cms.CreateClient();

        foreach (var url in new[] { "/api/v1/source", "/api/v1/source/items", "/api/v1/source/media/parks/gusu-park/park.png" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
            {
                using var request = new HttpRequestMessage(method, url);
                var status = (int)(await client.SendAsync(request)).StatusCode;
                Assert.True(status is 404 or 405, $"{method} {url}: expected 404 or 405, got {status}");
            }
        }
    }

    /// <summary>An entry in the state the action starts from, made by the admin.</summary>
    private static async Task<JsonNode?> PrepareAsync(HttpClient admin, string section, string action)
    {
        if (action == "create")
        {
            return null;
        }

        var entry = await admin.CreateAsync(ApiJson.Article(section, "entry"));
        foreach (var step in action switch
                 {
                     "approve" or "reject" => ["submit"],
                     "unpublish" => ["publish"],
                     "restore" => ["publish", "unpublish"],
                     _ => Array.Empty<string>(),
                 })
        {
            var moved = await admin.MoveAsync(entry, step);
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            entry = await moved.JsonAsync();
        }

        return entry;
    }

    private static object Edited(JsonNode entry, string section) =>
        new { section, slug = "entry", frontMatter = new { title = "改过的标题", date = "2013-05-01" }, body = "新正文", revision = entry["revision"]!.GetValue<int>() };
}

public sealed class SqliteAuthorizationMatrixTests(SqliteCms cms) : AuthorizationMatrixTests<SqliteCms>(cms);

public sealed class PostgresAuthorizationMatrixTests(PostgresCms cms) : AuthorizationMatrixTests<PostgresCms>(cms);
