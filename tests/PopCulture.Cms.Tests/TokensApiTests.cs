using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Tests;

public abstract class TokensApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task A_token_works_until_revoked_and_its_secret_is_never_listed()
    {
        var owner = await cms.ClientAsAsync(Roles.Editor);

        var created = await owner.PostAsJsonAsync("/api/v1/manage/tokens", new { name = "构建脚本", scope = "write", expiresInDays = 7 });
        var token = await created.JsonAsync();
        var secret = token["token"]!.GetValue<string>();
        var bearer = WithToken(secret);
        var working = await bearer.GetAsync("/api/v1/manage/content");
        var listText = await (await owner.GetAsync("/api/v1/manage/tokens")).Content.ReadAsStringAsync();
        var revoked = await owner.DeleteAsync($"/api/v1/manage/tokens/{token["id"]}");
        var afterRevoke = await bearer.GetAsync("/api/v1/manage/content");
        var listed = Assert.Single(JsonNode.Parse((await (await owner.GetAsync("/api/v1/manage/tokens")).Content.ReadAsStringAsync()))!["items"]!.AsArray(),
            t => t!["id"]!.ToString() == token["id"]!.ToString())!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("pc_", secret, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(7), token["expiresAt"]!.GetValue<DateTimeOffset>() - token["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(HttpStatusCode.OK, working.StatusCode);
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenService.Hash(secret), listText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal("构建脚本", listed["name"]!.GetValue<string>());
        Assert.Equal(secret[..10], listed["prefix"]!.GetValue<string>());
        Assert.Null(listed["token"]);
        Assert.NotNull(listed["revokedAt"]!.GetValue<DateTimeOffset?>());
    }

    [Fact]
    public async Task A_read_scoped_token_may_look_but_not_change_content_or_tokens()
    {
        var reader = await cms.ClientAsAsync(Roles.Editor, scope: "read");
        var writer = await cms.ClientAsAsync(Roles.Editor);
        var own = await (await reader.GetAsync("/api/v1/manage/tokens")).JsonAsync();
        var ownId = Assert.Single(own["items"]!.AsArray())!["id"]!.ToString();

        Assert.Equal("read", own["items"]![0]!["scope"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/manage/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/manage/content", ApiJson.Article(ApiJson.NewSection()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/manage/tokens", new { name = "more", scope = "write" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/api/v1/manage/tokens/{ownId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsJsonAsync("/api/v1/manage/tokens", new { name = "more", scope = "read" })).StatusCode);
    }

    [Fact]
    public async Task A_tokens_last_use_is_shown_to_its_owner()
    {
        var owner = await cms.ClientAsAsync(Roles.Editor);

        // The request listing the tokens is itself a use of the owner's token.
        var list = await (await owner.GetAsync("/api/v1/manage/tokens")).JsonAsync();

        var used = Assert.Single(list["items"]!.AsArray());
        Assert.NotNull(used!["lastUsedAt"]);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        string live, expired;
        using (var scope = cms.Services.CreateScope())
        {
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByEmailAsync(CmsFactory.AdminEmail);
            var tokens = scope.ServiceProvider.GetRequiredService<TokenService>();
            (_, live) = await tokens.IssueAsync(admin!.Id, "live", "write", TimeSpan.FromHours(1), isSession: false, CancellationToken.None);
            (_, expired) = await tokens.IssueAsync(admin.Id, "expired", "write", TimeSpan.FromMinutes(-1), isSession: false, CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.OK, (await WithToken(live).GetAsync("/api/v1/manage/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(expired).GetAsync("/api/v1/manage/content")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_tokens_are_listed_only_when_asked_and_everyones_only_for_admins()
    {
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var (_, email) = await Accounts.CreateAsync(admin, "author");
        var author = await Accounts.SignInAsync(cms, email, Accounts.Password);

        var plain = await (await author.GetAsync("/api/v1/manage/tokens")).JsonAsync();
        var withSessions = await (await author.GetAsync("/api/v1/manage/tokens?sessions=true")).JsonAsync();
        var everyone = await author.GetAsync("/api/v1/manage/tokens?all=true");
        var adminView = await (await admin.GetAsync("/api/v1/manage/tokens?all=true&sessions=true&pageSize=100")).JsonAsync();
        var adminOwn = await (await admin.GetAsync("/api/v1/manage/tokens?sessions=true")).JsonAsync();

        Assert.Empty(plain["items"]!.AsArray());
        var session = Assert.Single(withSessions["items"]!.AsArray())!;
        Assert.True(session["isSession"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, everyone.StatusCode);
        Assert.Contains(adminView["items"]!.AsArray(), t => t!["id"]!.ToString() == session["id"]!.ToString() && t["userEmail"]!.GetValue<string>() == email);
        Assert.DoesNotContain(adminOwn["items"]!.AsArray(), t => t!["id"]!.ToString() == session["id"]!.ToString());
    }

    [Fact]
    public async Task Someone_elses_token_is_not_found_but_an_admin_may_revoke_it()
    {
        var owner = await cms.ClientAsAsync(Roles.Author);
        var stranger = await cms.ClientAsAsync(Roles.Editor);
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var token = await (await owner.PostAsJsonAsync("/api/v1/manage/tokens", new { name = "ci", scope = "read" })).JsonAsync();
        var url = $"/api/v1/manage/tokens/{token["id"]}";

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(token["token"]!.GetValue<string>()).GetAsync("/api/v1/manage/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token["token"]!.GetValue<string>()).GetAsync("/api/v1/manage/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/v1/manage/tokens/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"","scope":"read"}""", "name")]
    [InlineData("""{"name":"ci","scope":"admin"}""", "scope")]
    [InlineData("""{"name":"ci"}""", "scope")]
    [InlineData("""{"name":"ci","scope":"read","expiresInDays":0}""", "expiresInDays")]
    [InlineData("""{"name":"ci","scope":"read","expiresInDays":367}""", "expiresInDays")]
    public async Task Bad_token_requests_are_refused_naming_the_field(string body, string field)
    {
        var client = await cms.ClientAsAsync(Roles.Author);

        var response = await client.PostAsJsonAsync("/api/v1/manage/tokens", JsonNode.Parse(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    private HttpClient WithToken(string secret)
    {
        var client = cms.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}

public sealed class SqliteTokensApiTests(SqliteCms cms) : TokensApiTests<SqliteCms>(cms);

public sealed class PostgresTokensApiTests(PostgresCms cms) : TokensApiTests<PostgresCms>(cms);
