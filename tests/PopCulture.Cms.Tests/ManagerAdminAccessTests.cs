using System.Net;

namespace PopCulture.Cms.Tests;

/// <summary>Only admins reach the user screens, whatever they forge; disabling and deleting follow the API's rules.</summary>
public abstract class ManagerAdminAccessTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task A_non_admin_gets_the_denied_page_for_every_admin_screen_on_GET_and_on_a_forged_POST()
    {
        var (someone, _) = await ManagerVisitor.CreateUserAsync(cms, "author");
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");
        string[] screens = ["/manager/admin/users", "/manager/admin/users/new", "/manager/admin/roles", $"/manager/admin/users/{someone.Id}", $"/manager/admin/users/{someone.Id}/delete"];

        foreach (var screen in screens)
        {
            var (response, _) = await editor.GetAsync(screen);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {screen}: {(int)response.StatusCode}");
            Assert.StartsWith("/manager/denied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        // A real antiforgery token, taken from a page the editor may use, so only the admin check can refuse.
        var email = $"forged-{Guid.NewGuid():N}@test.local";
        foreach (var (screen, fields) in new (string, (string, string)[])[]
        {
            ("/manager/admin/users/new", [("email", email), ("password", "Garden-Passw0rd"), ("roles", "admin")]),
            ($"/manager/admin/users/{someone.Id}", [("roles", "admin")]),
            ($"/manager/admin/users/{someone.Id}?handler=Lock", []),
            ($"/manager/admin/users/{someone.Id}/delete", []),
        })
        {
            var (response, _) = await ManagerFormPost.PostAsync(editor, "/manager/tokens", "form.token-form", fields, to: screen);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {screen}: {(int)response.StatusCode}");
        }

        var api = await cms.AdminClientAsync();
        var user = await (await api.GetAsync($"/api/v1/manage/users/{someone.Id}")).JsonAsync();
        Assert.Equal("author", user["grants"]![0]!["role"]!.GetValue<string>());
        Assert.False(user["lockedOut"]!.GetValue<bool>());
        Assert.Contains("\"total\":0", await api.GetStringAsync($"/api/v1/manage/audit?action=users.&user={Uri.EscapeDataString(editor.Email!)}"), StringComparison.Ordinal);
        var nav = (await editor.PageAsync("/manager")).QuerySelectorAll("header nav a").Select(a => a.TextContent).ToList();
        Assert.DoesNotContain("用户", nav);
        Assert.Contains("API 令牌", nav);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        using var content = new FormUrlEncodedContent([new("email", $"csrf-{Guid.NewGuid():N}@test.local"), new("password", "Garden-Passw0rd")]);

        var response = await admin.Client.PostAsync("/manager/admin/users/new", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_disables_and_then_deletes_a_user_but_may_not_delete_themself()
    {
        var (user, _) = await ManagerVisitor.CreateUserAsync(cms, "author");
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var api = await cms.AdminClientAsync();
        var page = $"/manager/admin/users/{user.Id}";

        var locked = await admin.SubmitAsync(page, "form.user-lock");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.True((await (await api.GetAsync($"/api/v1/manage/users/{user.Id}")).JsonAsync())["lockedOut"]!.GetValue<bool>());
        Assert.NotNull((await admin.PageAsync(page)).QuerySelector("form.user-unlock"));

        var confirm = await admin.PageAsync($"{page}/delete");
        Assert.Contains(user.Email!, confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var deleted = await admin.SubmitAsync($"{page}/delete", "form.user-delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/manager/admin/users?done=deleted", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/manage/users/{user.Id}")).StatusCode);
        var audit = await api.GetStringAsync($"/api/v1/manage/audit?action=users.&user={Uri.EscapeDataString(admin.Email!)}");
        Assert.Contains("\"users.delete\"", audit, StringComparison.Ordinal);
        Assert.Contains("locked", audit, StringComparison.Ordinal);

        var self = (await (await api.GetAsync("/api/v1/manage/users?pageSize=100")).JsonAsync())["items"]!.AsArray()
            .Single(u => u!["email"]!.GetValue<string>() == admin.Email)!["id"]!.GetValue<string>();
        var (refused, refusedPage) = await ManagerFormPost.PostAsync(admin, $"/manager/admin/users/{self}/delete", "form.user-delete", []);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("不能删除自己的账号，请联系另一位管理员。", refusedPage.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/manage/users/{self}")).StatusCode);
    }

    [Fact]
    public async Task The_roles_page_explains_each_role_from_the_rules_that_guard_requests()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");

        var page = await admin.PageAsync("/manager/admin/roles");

        Assert.Equal("作者", page.QuerySelector("#role-author th")!.TextContent);
        Assert.Equal("查看、新建、修改、提交审核", page.QuerySelector("#role-author td:nth-of-type(2)")!.TextContent);
        Assert.Equal("查看、审核通过、退回", page.QuerySelector("#role-reviewer td:nth-of-type(2)")!.TextContent);
        Assert.Equal("否", page.QuerySelector("#role-admin td:nth-of-type(3)")!.TextContent);
    }
}

public sealed class SqliteManagerAdminAccessTests(SqliteCms cms) : ManagerAdminAccessTests<SqliteCms>(cms);

public sealed class PostgresManagerAdminAccessTests(PostgresCms cms) : ManagerAdminAccessTests<PostgresCms>(cms);
