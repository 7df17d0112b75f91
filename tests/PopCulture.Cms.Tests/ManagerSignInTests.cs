using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Manager;

namespace PopCulture.Cms.Tests;

/// <summary>Signing in and out of the manager: the cookie's flags, antiforgery, redirects, idle timeout, and the APIs left as they were.</summary>
public abstract class ManagerSignInTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_Strict_session_cookie_that_is_Secure_over_HTTPS(bool https)
    {
        var (user, password) = await ManagerVisitor.CreateUserAsync(cms, "editor");
        using var visitor = ManagerVisitor.Anonymous(cms, https);

        var response = await visitor.SubmitAsync("/manager/sign-in?returnUrl=%2Fmanager%2Fcontent", "main form", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/manager/content", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ManagerCookie.Name + "=", StringComparison.Ordinal));
        var flags = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(f => f.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=strict", flags);
        Assert.Equal(https, flags.Contains("secure"));
        // A browser-session cookie: closing the browser ends it; the idle timeout lives in the ticket.
        Assert.DoesNotContain(flags, f => f.StartsWith("expires=", StringComparison.Ordinal) || f.StartsWith("max-age=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/manager/content")).Response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_signs_nobody_in()
    {
        var (user, _) = await ManagerVisitor.CreateUserAsync(cms, "editor");
        using var visitor = ManagerVisitor.Anonymous(cms);

        var response = await visitor.SubmitAsync("/manager/sign-in", "main form", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = "not-the-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(ManagerCookie.Name + "=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/manager")).Response.StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_rejected()
    {
        var (user, password) = await ManagerVisitor.CreateUserAsync(cms, "editor");
        using var visitor = await ManagerVisitor.SignedInAsync(cms, "editor");
        using var anonymous = ManagerVisitor.Anonymous(cms);
        await anonymous.PageAsync("/manager/sign-in"); // holds the antiforgery cookie, but the post below leaves the token out

        using var signIn = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = password });
        using var signOut = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var language = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" });

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.Client.PostAsync("/manager/sign-in", signIn)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.Client.PostAsync("/manager/sign-out", signOut)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.Client.PostAsync("/manager/language", language)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/manager")).Response.StatusCode); // still signed in
    }

    [Theory]
    [InlineData("/manager")]
    [InlineData("/manager/content?section=news")]
    [InlineData("/manager/content/8d0e8a4c-5d8f-4a57-9d51-1f2a3b4c5d6e")]
    public async Task Anonymous_manager_requests_are_sent_to_the_sign_in_page_and_back(string url)
    {
        using var visitor = ManagerVisitor.Anonymous(cms);

        var (response, _) = await visitor.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/manager/sign-in?returnUrl=" + Uri.EscapeDataString(url), response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_APIs_still_answer_401_problem_details_not_a_redirect()
    {
        using var visitor = ManagerVisitor.Anonymous(cms);

        var response = await visitor.Client.GetAsync("/api/v1/manage/content");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Manager_pages_may_not_be_framed_nor_load_anything_from_another_host()
    {
        using var visitor = ManagerVisitor.Anonymous(cms);

        var (response, _) = await visitor.GetAsync("/manager/sign-in");

        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal); // shared office PCs: no page kept after sign-out
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var visitor = await ManagerVisitor.SignedInAsync(cms, "author");

        var response = await visitor.SubmitAsync("/manager", "form[action='/manager/sign-out']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/manager/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/manager")).Response.StatusCode);
    }

    [Fact]
    public async Task A_session_idle_past_the_timeout_must_sign_in_again_and_the_timeout_defaults_to_30_minutes()
    {
        var cookie = cms.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        using var idle = await ManagerVisitor.SignedInAsync(cms, "editor", signedInAgo: TimeSpan.FromMinutes(31));
        using var active = await ManagerVisitor.SignedInAsync(cms, "editor", signedInAgo: TimeSpan.FromMinutes(29));

        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/manager")).Response.StatusCode);
        var (response, _) = await active.GetAsync("/manager");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Past half its life the ticket is renewed: working on keeps the editor signed in.
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ManagerCookie.Name + "=", StringComparison.Ordinal));
    }
}

public sealed class SqliteManagerSignInTests(SqliteCms cms) : ManagerSignInTests<SqliteCms>(cms);

public sealed class PostgresManagerSignInTests(PostgresCms cms) : ManagerSignInTests<PostgresCms>(cms);
