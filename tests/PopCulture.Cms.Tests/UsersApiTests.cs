using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Tests;

public abstract class UsersApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task An_admin_creates_a_section_limited_editor_who_signs_in_and_reads_their_grants()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var section = ApiJson.NewSection();
        var email = Accounts.NewEmail();

        var created = await admin.PostAsJsonAsync("/api/v1/manage/users", new
        {
            email,
            displayName = "分区编辑",
            password = Accounts.Password,
            grants = new[] { new { role = "editor", sections = new[] { section } } },
        });
        var body = await created.JsonAsync();
        var editor = await Accounts.SignInAsync(cms, email, Accounts.Password);
        var me = await (await editor.GetAsync("/api/v1/manage/users/me")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/manage/users/{body["id"]}", created.Headers.Location!.OriginalString);
        Assert.Equal(email, me["email"]!.GetValue<string>());
        Assert.Equal("分区编辑", me["displayName"]!.GetValue<string>());
        Assert.False(me["lockedOut"]!.GetValue<bool>());
        var grant = Assert.Single(me["grants"]!.AsArray())!;
        Assert.Equal("editor", grant["role"]!.GetValue<string>());
        Assert.Equal([section], grant["sections"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(section))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(ApiJson.NewSection()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/manage/users")).StatusCode);
    }

    [Fact]
    public async Task The_user_list_pages_and_shows_each_users_grants()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var (id, email) = await Accounts.CreateAsync(admin, "reviewer", ["news", "parks"]);

        var page = await (await admin.GetAsync("/api/v1/manage/users?pageSize=100")).JsonAsync();
        var one = await (await admin.GetAsync($"/api/v1/manage/users/{id}")).JsonAsync();
        var tooBig = await admin.GetAsync("/api/v1/manage/users?pageSize=101");
        var missing = await admin.GetAsync("/api/v1/manage/users/no-such-user");

        var listed = Assert.Single(page["items"]!.AsArray(), u => u!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(email, listed["email"]!.GetValue<string>());
        Assert.Equal(["news", "parks"], listed["grants"]![0]!["sections"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains(page["items"]!.AsArray(), u => u!["email"]!.GetValue<string>() == CmsFactory.AdminEmail);
        Assert.Equal(page["total"]!.GetValue<int>(), page["items"]!.AsArray().Count);
        Assert.Equal(listed.ToJsonString(), one.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal(["pageSize"], await tooBig.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_weak_password_is_refused_naming_the_password_field_and_no_user_is_created()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var email = Accounts.NewEmail();

        var response = await admin.PostAsJsonAsync("/api/v1/manage/users", new { email, password = "short", grants = new[] { new { role = "author" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["password"], await response.ErrorFieldsAsync());
        using var scope = cms.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task A_duplicate_email_is_refused_whatever_its_case()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var (_, email) = await Accounts.CreateAsync(admin, "author");

        var response = await admin.PostAsJsonAsync("/api/v1/manage/users", new { email = email.ToUpperInvariant(), password = Accounts.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["email"], await response.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("""[{"role":"editor","sections":["news"]},{"role":"owner"}]""", "grants[1].role")]
    [InlineData("""[{"role":"editor","sections":["Parenting"]}]""", "grants[0].sections")]
    [InlineData("""[{"role":"author","sections":["news","a--b"]}]""", "grants[0].sections")]
    [InlineData("""[{"role":"admin","sections":["news"]}]""", "grants[0].sections")]
    public async Task Bad_grants_are_refused_naming_the_grant_at_fault(string grants, string field)
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var email = Accounts.NewEmail();

        var response = await admin.PostAsJsonAsync("/api/v1/manage/users", new JsonObject
        {
            ["email"] = email,
            ["password"] = Accounts.Password,
            ["grants"] = JsonNode.Parse(grants),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Only_admins_manage_users_and_read_only_admin_tokens_only_look()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var readOnlyAdmin = await cms.ClientAsAsync(Roles.Admin, scope: "read");
        var (id, _) = await Accounts.CreateAsync(await cms.ClientAsAsync(Roles.Admin), "author");
        var newUser = new { email = Accounts.NewEmail(), password = Accounts.Password };

        Assert.Equal(HttpStatusCode.Unauthorized, (await cms.CreateClient().GetAsync("/api/v1/manage/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/manage/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/api/v1/manage/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync("/api/v1/manage/users", newUser)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync($"/api/v1/manage/users/{id}", new { locked = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync($"/api/v1/manage/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readOnlyAdmin.GetAsync("/api/v1/manage/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnlyAdmin.PostAsJsonAsync("/api/v1/manage/users", newUser)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnlyAdmin.DeleteAsync($"/api/v1/manage/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/manage/users/me")).StatusCode);
    }

    [Fact]
    public async Task Locking_a_user_stops_their_token_and_their_sign_in_until_unlocked()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var (id, email) = await Accounts.CreateAsync(admin, "author");
        var author = await Accounts.SignInAsync(cms, email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync("/api/v1/manage/content")).StatusCode);

        var locked = await admin.PutAsJsonAsync($"/api/v1/manage/users/{id}", new { locked = true });
        var tokenWhileLocked = await author.GetAsync("/api/v1/manage/content");
        var signInWhileLocked = await cms.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = Accounts.Password });
        var unlocked = await admin.PutAsJsonAsync($"/api/v1/manage/users/{id}", new { locked = false });
        var tokenAfterUnlock = await author.GetAsync("/api/v1/manage/content");

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.True((await locked.JsonAsync())["lockedOut"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, tokenWhileLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signInWhileLocked.StatusCode);
        Assert.False((await unlocked.JsonAsync())["lockedOut"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, tokenAfterUnlock.StatusCode);
    }

    [Fact]
    public async Task An_admin_changes_grants_and_resets_a_password_which_ends_the_users_sign_in_tokens()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var section = ApiJson.NewSection();
        var (id, email) = await Accounts.CreateAsync(admin, "author");
        var before = await Accounts.SignInAsync(cms, email, Accounts.Password);
        const string newPassword = "Changed-Passw0rd";

        var changed = await admin.PutAsJsonAsync($"/api/v1/manage/users/{id}", new
        {
            displayName = "新名字",
            password = newPassword,
            grants = new[] { new { role = "editor", sections = new[] { section } } },
        });
        var oldPassword = await cms.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = Accounts.Password });
        var after = await Accounts.SignInAsync(cms, email, newPassword);
        var weak = await admin.PutAsJsonAsync($"/api/v1/manage/users/{id}", new { password = "weak" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.JsonAsync();
        Assert.Equal("新名字", body["displayName"]!.GetValue<string>());
        Assert.Equal("editor", Assert.Single(body["grants"]!.AsArray())!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/manage/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await after.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(section))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(["password"], await weak.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Deleting_a_user_removes_their_grants_and_tokens()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var id = (await (await editor.GetAsync("/api/v1/manage/users/me")).JsonAsync())["id"]!.GetValue<string>();

        var deleted = await admin.DeleteAsync($"/api/v1/manage/users/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await editor.GetAsync("/api/v1/manage/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/manage/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/manage/users/{id}")).StatusCode);
        using var scope = cms.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.False(await db.Grants.AnyAsync(g => g.UserId == id));
        Assert.False(await db.Tokens.AnyAsync(t => t.UserId == id));
    }

    [Fact]
    public async Task An_admin_cannot_delete_demote_or_lock_themself_so_an_admin_always_remains()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var other = await cms.ClientAsAsync(Roles.Admin);
        var id = (await (await admin.GetAsync("/api/v1/manage/users/me")).JsonAsync())["id"]!.GetValue<string>();
        var otherId = (await (await other.GetAsync("/api/v1/manage/users/me")).JsonAsync())["id"]!.GetValue<string>();

        var deleteSelf = await admin.DeleteAsync($"/api/v1/manage/users/{id}");
        var demoteSelf = await admin.PutAsJsonAsync($"/api/v1/manage/users/{id}", new { grants = new[] { new { role = "editor" } } });
        var lockSelf = await admin.PutAsJsonAsync($"/api/v1/manage/users/{id}", new { locked = true });
        var demoteOther = await admin.PutAsJsonAsync($"/api/v1/manage/users/{otherId}", new { grants = new[] { new { role = "reviewer" } } });

        Assert.Equal(HttpStatusCode.Conflict, deleteSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, demoteSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lockSelf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demoteOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/manage/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/manage/users")).StatusCode);
    }

    [Fact]
    public async Task Anyone_signed_in_reads_the_roles_and_what_each_allows()
    {
        var reviewer = await cms.ClientAsAsync(Roles.Reviewer, ["news"]);

        var roles = (await (await reviewer.GetAsync("/api/v1/manage/roles")).JsonAsync()).AsArray();
        var anonymous = await cms.CreateClient().GetAsync("/api/v1/manage/roles");

        Assert.Equal(["admin", "editor", "author", "reviewer"], roles.Select(r => r!["name"]!.GetValue<string>()));
        var author = roles.Single(r => r!["name"]!.GetValue<string>() == "author")!;
        Assert.Equal(["read", "create", "edit", "submit"], author["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.True(author["canLimitToSections"]!.GetValue<bool>());
        Assert.Contains("publish", roles[1]!["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.False(roles[0]!["canLimitToSections"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

public sealed class SqliteUsersApiTests(SqliteCms cms) : UsersApiTests<SqliteCms>(cms);

public sealed class PostgresUsersApiTests(PostgresCms cms) : UsersApiTests<PostgresCms>(cms);

/// <summary>Users made through the users API, and signing in as them, for the identity and audit tests.</summary>
internal static class Accounts
{
    public const string Password = "Tester-Passw0rd";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@test.local";

    /// <summary>Creates a user with <see cref="Password"/> and one grant; returns their id and email.</summary>
    public static async Task<(string Id, string Email)> CreateAsync(HttpClient admin, string role, string[]? sections = null)
    {
        var email = NewEmail();
        var response = await admin.PostAsJsonAsync("/api/v1/manage/users", new { email, password = Password, grants = new[] { new { role, sections = sections ?? [] } } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return ((await response.JsonAsync())["id"]!.GetValue<string>(), email);
    }

    /// <summary>A client carrying the session token that <c>POST /api/v1/auth/token</c> gives.</summary>
    public static async Task<HttpClient> SignInAsync(CmsFactory cms, string email, string password)
    {
        var client = cms.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.JsonAsync())["token"]!.GetValue<string>());
        return client;
    }
}
