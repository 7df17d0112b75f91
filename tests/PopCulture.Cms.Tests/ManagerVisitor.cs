using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Manager;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Someone using the manager through a test client: keeps cookies, follows no redirects (tests look at them), reads
/// pages as HTML documents and submits their forms with the antiforgery token the page carries.
/// </summary>
public sealed class ManagerVisitor : IDisposable
{
    private static readonly HtmlParser Parser = new();

    private ManagerVisitor(HttpClient client, CookieContainer cookies, Uri address, string? email)
    {
        Client = client;
        Cookies = cookies;
        Address = address;
        Email = email;
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    public Uri Address { get; }

    /// <summary>The signed-in user's email, null for an anonymous visitor.</summary>
    public string? Email { get; }

    /// <summary>The signed-in user's password, null for an anonymous visitor.</summary>
    public string? Password { get; private set; }

    public static ManagerVisitor Anonymous(CmsFactory cms, bool https = false) => Create(cms, https, email: null);

    /// <summary>
    /// A new user with one grant, already signed in: the cookie is minted the way the sign-in form would, not by posting
    /// the form, because password sign-in is rate-limited per address and every test would share that budget.
    /// </summary>
    public static async Task<ManagerVisitor> SignedInAsync(CmsFactory cms, string role, string[]? sections = null, TimeSpan? signedInAgo = null)
    {
        var (user, password) = await CreateUserAsync(cms, role, sections);
        using var scope = cms.Services.CreateScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CmsUser>>().CreateAsync(user);
        var cookie = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var issued = DateTimeOffset.UtcNow - (signedInAgo ?? TimeSpan.Zero);
        var ticket = new AuthenticationTicket(
            principal, new AuthenticationProperties { IssuedUtc = issued, ExpiresUtc = issued + cookie.ExpireTimeSpan }, IdentityConstants.ApplicationScheme);
        var visitor = Create(cms, https: false, user.Email);
        visitor.Password = password;
        visitor.Cookies.Add(visitor.Address, new Cookie(ManagerCookie.Name, cookie.TicketDataFormat.Protect(ticket)));
        return visitor;
    }

    /// <summary>A new user with one grant (optionally limited to sections) and the password they sign in with.</summary>
    public static async Task<(CmsUser User, string Password)> CreateUserAsync(CmsFactory cms, string role, string[]? sections = null)
    {
        ArgumentNullException.ThrowIfNull(cms);
        using var scope = cms.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        var password = "Passw0rd-" + Guid.NewGuid().ToString("N")[..8];
        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.Grants.Add(new AccessGrant { UserId = user.Id, Role = role, Sections = string.Join(',', sections ?? []) });
        await db.SaveChangesAsync();
        return (user, password);
    }

    /// <summary>GETs a page and parses it, whatever its status.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, page);
    }

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public async Task<IHtmlDocument> PageAsync(string url)
    {
        var (response, page) = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return page;
    }

    /// <summary>
    /// Opens <paramref name="url"/>, fills the form matching <paramref name="form"/> and posts it as a browser would; or,
    /// to forge a request the page does not offer, posts its fields (antiforgery token included) to <paramref name="to"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string form, IReadOnlyDictionary<string, string>? fields = null, string? to = null)
    {
        var page = await PageAsync(url);
        var element = page.QuerySelector(form) as IHtmlFormElement ?? throw new InvalidOperationException($"no form '{form}' on {url}");
        var values = element.QuerySelectorAll("input[name]").Cast<IHtmlInputElement>()
            .Where(i => i.Type != "submit")
            .ToDictionary(i => i.Name!, i => i.Value, StringComparer.Ordinal);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await Client.PostAsync(to ?? element.GetAttribute("action"), content);
    }

    public void Dispose() => Client.Dispose();

    private static ManagerVisitor Create(CmsFactory cms, bool https, string? email)
    {
        ArgumentNullException.ThrowIfNull(cms);
        var address = new Uri(https ? "https://localhost/" : "http://localhost/");
        var cookies = new CookieContainer();
        return new ManagerVisitor(cms.CreateDefaultClient(address, new CookieContainerHandler(cookies)), cookies, address, email);
    }
}
