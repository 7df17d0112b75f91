using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>The manager's user screens: listing and searching, creating with grants, field errors in Chinese, changing grants.</summary>
public abstract class ManagerUsersTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Users = "/manager/admin/users";
    private const string NewUser = "/manager/admin/users/new";

    [Fact]
    public async Task An_admin_finds_a_user_by_part_of_their_email_and_sees_their_grants()
    {
        var (user, _) = await ManagerVisitor.CreateUserAsync(cms, "reviewer", ["news", "parks"]);
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");

        var page = await admin.PageAsync($"{Users}?q={Uri.EscapeDataString(user.Email![..20].ToUpperInvariant())}");

        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Equal(user.Email, row.QuerySelector("a")!.TextContent);
        Assert.Equal($"/manager/admin/users/{user.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("审核员（新闻与宣传、人口文化园）", row.QuerySelector(".grant-list li")!.TextContent);
        Assert.Equal("共 1 位用户，第 1 / 1 页", page.QuerySelector(".count")!.TextContent);
        Assert.NotNull((await admin.PageAsync(Users)).QuerySelector("nav a[href='/manager/admin/users'][aria-current=page]"));
    }

    [Fact]
    public async Task An_admin_creates_a_user_with_several_grants_limited_to_sections_and_it_is_audited()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var email = $"new-{Guid.NewGuid():N}@test.local";

        var (response, _) = await ManagerFormPost.PostAsync(admin, NewUser, "form.user-form",
        [
            ("email", email), ("displayName", "育儿栏目编辑"), ("password", "Garden-Passw0rd"),
            ("roles", "editor"), ("scope-editor", "some"), ("sections-editor", "parenting"), ("sections-editor", "news"),
            ("roles", "reviewer"), ("scope-reviewer", "all"),
            ("roles", ""), ("scope-author", "some"), ("sections-author", "parks"), // an unticked role is not given
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
        Assert.Equal($"/manager/admin/users/{id}?done=created", response.Headers.Location.OriginalString);
        var api = await cms.AdminClientAsync();
        var user = await (await api.GetAsync($"/api/v1/manage/users/{id}")).JsonAsync();
        Assert.Equal("育儿栏目编辑", user["displayName"]!.GetValue<string>());
        Assert.Equal(
            """[{"role":"editor","sections":["news","parenting"]},{"role":"reviewer","sections":[]}]""",
            user["grants"]!.ToJsonString());
        var audit = await api.GetStringAsync("/api/v1/manage/audit?action=users.create&pageSize=100");
        Assert.Contains("editor in news,parenting; reviewer", audit, StringComparison.Ordinal);
        var edit = await admin.PageAsync(response.Headers.Location.OriginalString);
        Assert.Equal("已创建用户。", edit.QuerySelector("[role=status]")!.TextContent);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("#section-editor-parenting")!).IsChecked);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("#scope-reviewer-all")!).IsChecked);
    }

    [Fact]
    public async Task A_weak_password_and_a_taken_email_are_shown_in_Chinese_next_to_their_fields_and_nothing_is_created()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var email = $"weak-{Guid.NewGuid():N}@test.local";

        var (weak, weakPage) = await ManagerFormPost.PostAsync(admin, NewUser, "form.user-form", [("email", email), ("password", "short1A"), ("roles", "author")]);
        var (taken, takenPage) = await ManagerFormPost.PostAsync(admin, NewUser, "form.user-form", [("email", admin.Email!.ToUpperInvariant()), ("password", "Garden-Passw0rd")]);

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal("密码至少需要 10 个字符。", weakPage.QuerySelector("#user-password-error")!.TextContent);
        Assert.Equal("true", weakPage.QuerySelector("#user-password")!.GetAttribute("aria-invalid"));
        Assert.Equal(email, weakPage.QuerySelector("#user-email")!.GetAttribute("value")); // kept as entered
        Assert.Null(weakPage.QuerySelector("#user-password")!.GetAttribute("value")); // never written back
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)weakPage.QuerySelector("#role-author")!).IsChecked);
        Assert.NotNull(weakPage.QuerySelector("#error-summary"));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("这个邮箱已有账号。", takenPage.QuerySelector("#user-email-error")!.TextContent);
        var list = await admin.PageAsync($"{Users}?q={email}");
        Assert.Empty(list.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task A_role_limited_to_no_section_is_refused_next_to_that_role()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var email = $"none-{Guid.NewGuid():N}@test.local";

        var (response, page) = await ManagerFormPost.PostAsync(admin, NewUser, "form.user-form",
            [("email", email), ("password", "Garden-Passw0rd"), ("roles", "editor"), ("scope-editor", "some")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请至少选中一个栏目，或选择“全部栏目”。", page.QuerySelector("#grant-editor-error")!.TextContent);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#scope-editor-some")!).IsChecked);
        Assert.Empty((await admin.PageAsync($"{Users}?q={email}")).QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task An_admin_changes_a_users_grants_but_cannot_take_away_their_own_admin_role()
    {
        var (user, _) = await ManagerVisitor.CreateUserAsync(cms, "author");
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var api = await cms.AdminClientAsync();
        var self = (await (await api.GetAsync($"/api/v1/manage/users?pageSize=100")).JsonAsync())["items"]!.AsArray()
            .Single(u => u!["email"]!.GetValue<string>() == admin.Email)!["id"]!.GetValue<string>();

        var (saved, _) = await ManagerFormPost.PostAsync(admin, $"{Users}/{user.Id}", "form.user-form",
            [("displayName", "改过的名字"), ("roles", "editor"), ("scope-editor", "some"), ("sections-editor", "news")]);
        var (demoted, demotedPage) = await ManagerFormPost.PostAsync(admin, $"{Users}/{self}", "form.user-form", [("roles", "editor"), ("scope-editor", "all")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/manager/admin/users/{user.Id}?done=saved", saved.Headers.Location!.OriginalString);
        var changed = await (await api.GetAsync($"/api/v1/manage/users/{user.Id}")).JsonAsync();
        Assert.Equal("改过的名字", changed["displayName"]!.GetValue<string>());
        Assert.Equal("""[{"role":"editor","sections":["news"]}]""", changed["grants"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.StartsWith("不能取消自己的管理员角色", demotedPage.QuerySelector("[role=alert]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("admin", (await (await api.GetAsync($"/api/v1/manage/users/{self}")).JsonAsync())["grants"]![0]!["role"]!.GetValue<string>());
        Assert.Null(demotedPage.QuerySelector("form.user-lock")); // no disabling or deleting oneself on offer
        var audit = await api.GetStringAsync("/api/v1/manage/audit?action=users.update&pageSize=100");
        Assert.Contains("grants editor in news", audit, StringComparison.Ordinal);
    }
}

public sealed class SqliteManagerUsersTests(SqliteCms cms) : ManagerUsersTests<SqliteCms>(cms);

public sealed class PostgresManagerUsersTests(PostgresCms cms) : ManagerUsersTests<PostgresCms>(cms);
