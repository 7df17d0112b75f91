using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Tests;

/// <summary>The manager's own-account page: a user changes their password by giving the current one, and stays signed in.</summary>
public abstract class ManagerAccountTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Account = "/manager/account";

    [Fact]
    public async Task A_changed_password_is_the_one_that_signs_in_and_this_browser_stays_signed_in()
    {
        using var author = await ManagerVisitor.SignedInAsync(cms, "author");
        Assert.Contains(author.Email!, (await author.PageAsync(Account)).QuerySelector(".account-facts")!.TextContent, StringComparison.Ordinal);
        const string Next = "Neues-Passw0rt-2026";

        var changed = await author.SubmitAsync(Account, "form.password-form", Fields(author.Password!, Next, Next));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/manager/account?done=password", changed.Headers.Location!.OriginalString);
        var after = await author.PageAsync(changed.Headers.Location!.OriginalString);
        Assert.Contains("密码已修改", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await ChecksAsync(author.Email!, Next));
        Assert.False(await ChecksAsync(author.Email!, author.Password!));
        var audit = await (await cms.AdminClientAsync()).GetStringAsync($"/api/v1/manage/audit?action=users.password&user={Uri.EscapeDataString(author.Email!)}");
        Assert.Contains("changed their own password", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_current_password_differing_or_weak_new_ones_are_told_at_their_fields_and_change_nothing()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");

        var (wrong, wrongPage) = await ManagerFormPost.PostAsync(editor, Account, "form.password-form", Pairs("Not-the-Passw0rd", "Neues-Passw0rt-2026", "Neues-Passw0rt-2026"));
        var (_, differPage) = await ManagerFormPost.PostAsync(editor, Account, "form.password-form", Pairs(editor.Password!, "Neues-Passw0rt-2026", "Neues-Passw0rt-2027"));
        var (_, weakPage) = await ManagerFormPost.PostAsync(editor, Account, "form.password-form", Pairs(editor.Password!, "kurz", "kurz"));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("当前密码不对", wrongPage.QuerySelector("#account-current-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", wrongPage.QuerySelector("#account-current")!.GetAttribute("aria-invalid"));
        Assert.Contains("不一致", differPage.QuerySelector("#account-confirm-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("至少需要 10 个字符", weakPage.QuerySelector("#account-new-error")!.TextContent, StringComparison.Ordinal);
        // No password is written back into a page.
        Assert.All(new[] { wrongPage, differPage, weakPage }, page => Assert.DoesNotContain("Neues-Passw0rt", page.DocumentElement.OuterHtml, StringComparison.Ordinal));
        Assert.True(await ChecksAsync(editor.Email!, editor.Password!));
        using var scope = cms.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        Assert.Equal(1, await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(editor.Email!))!)); // a wrong guess counts towards the lockout
    }

    [Fact]
    public async Task The_account_page_needs_a_signed_in_user()
    {
        using var visitor = ManagerVisitor.Anonymous(cms);

        var (response, _) = await visitor.GetAsync(Account);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/manager/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string current, string next, string confirm) => new(StringComparer.Ordinal)
    {
        ["currentPassword"] = current,
        ["newPassword"] = next,
        ["confirmPassword"] = confirm,
    };

    private static IEnumerable<(string, string)> Pairs(string current, string next, string confirm) =>
        Fields(current, next, confirm).Select(f => (f.Key, f.Value));

    private async Task<bool> ChecksAsync(string email, string password)
    {
        using var scope = cms.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }
}

public sealed class SqliteManagerAccountTests(SqliteCms cms) : ManagerAccountTests<SqliteCms>(cms);

public sealed class PostgresManagerAccountTests(PostgresCms cms) : ManagerAccountTests<PostgresCms>(cms);
