using System.Net;
using System.Net.Http.Headers;

namespace PopCulture.Cms.Tests;

/// <summary>The manager's token page: a new token's secret shown once and working against the API, revoking it, field errors.</summary>
public abstract class ManagerTokensTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Tokens = "/manager/tokens";

    [Fact]
    public async Task A_new_token_is_shown_once_works_as_a_bearer_token_and_stops_working_when_revoked()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [ApiJson.NewSection()]);

        var (created, page) = await ManagerFormPost.PostAsync(editor, Tokens, "form.token-form", [("name", "导入脚本"), ("scope", "write"), ("expiresInDays", "7")]);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var secret = page.QuerySelector("#token-secret")!.GetAttribute("value")!;
        Assert.StartsWith("pc_", secret, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#token-secret")!.GetAttribute("readonly"));
        Assert.Equal("token-secret", page.QuerySelector("button[data-copy]")!.GetAttribute("data-copy"));
        Assert.NotNull(page.QuerySelector("script[src='/manager/assets/copy.js']"));
        Assert.Contains("不会再显示", page.QuerySelector("#token-warning")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, string.Join(";", editor.Cookies.GetAllCookies().Select(c => c.Value)), StringComparison.Ordinal);

        var list = await editor.GetAsync(Tokens);
        var listText = await list.Response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        var row = Assert.Single(list.Page.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("导入脚本", StringComparison.Ordinal));
        Assert.Contains(secret[..10], row.TextContent, StringComparison.Ordinal);

        using var bearer = cms.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await bearer.GetAsync("/api/v1/manage/users/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(editor.Email, (await me.JsonAsync())["email"]!.GetValue<string>());

        var confirm = row.QuerySelector("a[href$='/revoke']")!.GetAttribute("href")!;
        Assert.NotNull((await editor.PageAsync(confirm)).QuerySelector("form.token-revoke"));
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/manage/users/me")).StatusCode); // asking is not revoking
        var revoked = await editor.SubmitAsync(confirm, "form.token-revoke");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal("/manager/tokens?done=revoked", revoked.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/manage/users/me")).StatusCode);
        var audit = await (await cms.AdminClientAsync()).GetStringAsync($"/api/v1/manage/audit?action=tokens.&user={Uri.EscapeDataString(editor.Email!)}");
        Assert.Contains("\"tokens.create\"", audit, StringComparison.Ordinal);
        Assert.Contains("\"tokens.revoke\"", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_form_errors_are_shown_in_Chinese_next_to_their_fields()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");

        var (response, page) = await ManagerFormPost.PostAsync(editor, Tokens, "form.token-form", [("name", "  "), ("scope", "write"), ("expiresInDays", "999")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请填写令牌名称（不超过 100 个字符）。", page.QuerySelector("#token-name-error")!.TextContent);
        Assert.Equal("有效天数须为 1 到 366 之间的整数。", page.QuerySelector("#token-days-error")!.TextContent);
        Assert.Equal("999", page.QuerySelector("#token-days")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#token-secret"));
    }

    [Fact]
    public async Task An_admin_sees_everyones_tokens_with_their_owner_but_others_cannot_open_a_token_not_theirs()
    {
        using var owner = await ManagerVisitor.SignedInAsync(cms, "author");
        using var other = await ManagerVisitor.SignedInAsync(cms, "author");
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var name = "令牌-" + Guid.NewGuid().ToString("N")[..6];
        await ManagerFormPost.PostAsync(owner, Tokens, "form.token-form", [("name", name), ("scope", "read"), ("expiresInDays", "30")]);

        var everyone = await admin.PageAsync(Tokens);
        var row = Assert.Single(everyone.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains(owner.Email!, row.TextContent, StringComparison.Ordinal);
        Assert.Empty((await other.PageAsync(Tokens)).QuerySelectorAll("tbody tr"));

        var confirm = row.QuerySelector("a[href$='/revoke']")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(confirm)).Response.StatusCode);
        var (forged, _) = await ManagerFormPost.PostAsync(other, Tokens, "form.token-form", [], to: confirm);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.NotNull((await owner.PageAsync(Tokens)).QuerySelector($"tbody tr a[href='{confirm}']")); // still live
    }
}

public sealed class SqliteManagerTokensTests(SqliteCms cms) : ManagerTokensTests<SqliteCms>(cms);

public sealed class PostgresManagerTokensTests(PostgresCms cms) : ManagerTokensTests<PostgresCms>(cms);
