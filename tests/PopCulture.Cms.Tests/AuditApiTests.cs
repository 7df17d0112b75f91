using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Tests;

public abstract class AuditApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task A_sign_in_is_listed_with_the_email_and_remote_address_and_a_content_create_with_its_target()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var section = ApiJson.NewSection();
        var (_, email) = await Accounts.CreateAsync(admin, "author", [section]);
        var token = await SignInFromAsync(email, Accounts.Password, "203.0.113.9");
        var author = cms.CreateClient();
        author.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await author.CreateAsync(ApiJson.Article(section, "audited"));

        var auth = await (await admin.GetAsync($"/api/v1/manage/audit?action=auth.&user={Uri.EscapeDataString(email.ToUpperInvariant())}")).JsonAsync();
        var content = await (await admin.GetAsync($"/api/v1/manage/audit?action=content.&user={Uri.EscapeDataString(email)}")).JsonAsync();

        var signIn = Assert.Single(auth["items"]!.AsArray())!;
        Assert.Equal("auth.token", signIn["action"]!.GetValue<string>());
        Assert.Equal(email, signIn["userEmail"]!.GetValue<string>());
        Assert.Equal("203.0.113.9", signIn["remoteAddress"]!.GetValue<string>());
        var create = Assert.Single(content["items"]!.AsArray())!;
        Assert.Equal("content.create", create["action"]!.GetValue<string>());
        Assert.Equal($"{section}/audited", create["target"]!.GetValue<string>());
        Assert.Equal(1, content["total"]!.GetValue<int>());
        Assert.Equal(1, content["totalPages"]!.GetValue<int>());
    }

    [Fact]
    public async Task User_and_token_changes_are_audited_newest_first()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var actor = (await (await admin.GetAsync("/api/v1/manage/users/me")).JsonAsync())["email"]!.GetValue<string>();
        var (id, email) = await Accounts.CreateAsync(admin, "author");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/manage/users/{id}", new { locked = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/manage/users/{id}")).StatusCode);
        var token = await (await admin.PostAsJsonAsync("/api/v1/manage/tokens", new { name = "审计", scope = "read" })).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/manage/tokens/{token["id"]}")).StatusCode);

        var log = await (await admin.GetAsync($"/api/v1/manage/audit?user={Uri.EscapeDataString(actor)}")).JsonAsync();
        var users = await (await admin.GetAsync($"/api/v1/manage/audit?user={Uri.EscapeDataString(actor)}&action=users.&pageSize=1&page=2")).JsonAsync();

        var items = log["items"]!.AsArray();
        Assert.Equal(
            ["tokens.revoke", "tokens.create", "users.delete", "users.update", "users.create"],
            items.Select(i => i!["action"]!.GetValue<string>()));
        Assert.All(items.Take(2), i => Assert.Equal(token["id"]!.ToString(), i!["target"]!.GetValue<string>()));
        Assert.All(items.Skip(2), i => Assert.Equal(email, i!["target"]!.GetValue<string>()));
        Assert.DoesNotContain(token["token"]!.GetValue<string>(), log.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("users.update", Assert.Single(users["items"]!.AsArray())!["action"]!.GetValue<string>());
        Assert.Equal(3, users["total"]!.GetValue<int>());
        Assert.Equal(3, users["totalPages"]!.GetValue<int>());
    }

    [Fact]
    public async Task Entries_are_filtered_by_a_time_window()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var actor = Uri.EscapeDataString((await (await admin.GetAsync("/api/v1/manage/users/me")).JsonAsync())["email"]!.GetValue<string>());
        await Accounts.CreateAsync(admin, "reviewer");
        var at = (await (await admin.GetAsync($"/api/v1/manage/audit?user={actor}")).JsonAsync())["items"]![0]!["at"]!.GetValue<DateTimeOffset>();
        string Instant(DateTimeOffset value) => Uri.EscapeDataString(value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        var inside = await (await admin.GetAsync($"/api/v1/manage/audit?user={actor}&from={Instant(at)}&to={Instant(at.AddSeconds(1))}")).JsonAsync();
        var before = await (await admin.GetAsync($"/api/v1/manage/audit?user={actor}&to={Instant(at)}")).JsonAsync();
        var after = await (await admin.GetAsync($"/api/v1/manage/audit?user={actor}&from={Instant(at.AddTicks(10_000))}")).JsonAsync();

        Assert.Equal("users.create", Assert.Single(inside["items"]!.AsArray())!["action"]!.GetValue<string>());
        Assert.Equal(0, before["total"]!.GetValue<int>());
        Assert.Equal(0, after["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/v1/manage/audit?from=yesterday", "from")]
    [InlineData("/api/v1/manage/audit?to=2026-13-01T00:00:00Z", "to")]
    [InlineData("/api/v1/manage/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("/api/v1/manage/audit?pageSize=201", "pageSize")]
    [InlineData("/api/v1/manage/audit?page=0", "page")]
    public async Task Bad_filters_get_problem_details_naming_the_parameter(string url, string field)
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var readOnlyAdmin = await cms.ClientAsAsync(Roles.Admin, scope: "read");

        Assert.Equal(HttpStatusCode.Unauthorized, (await cms.CreateClient().GetAsync("/api/v1/manage/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/manage/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readOnlyAdmin.GetAsync("/api/v1/manage/audit")).StatusCode);
    }

    private async Task<string> SignInFromAsync(string email, string password, string remoteAddress)
    {
        var (status, json) = await cms.Server.PostJsonFromAsync(remoteAddress, "/api/v1/auth/token", new { email, password });
        Assert.True(status == StatusCodes.Status200OK, $"{status}: {json}");
        return json["token"]!.GetValue<string>();
    }
}

public sealed class SqliteAuditApiTests(SqliteCms cms) : AuditApiTests<SqliteCms>(cms);

public sealed class PostgresAuditApiTests(PostgresCms cms) : AuditApiTests<PostgresCms>(cms);
