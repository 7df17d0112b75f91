using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Manager;

namespace PopCulture.Cms.Bench;

/// <summary>
/// An editor of every section with a manager session: the cookie is minted as the sign-in form would mint it (as the
/// tests' ManagerVisitor does), since password sign-in is rate-limited and is not what is measured.
/// </summary>
internal static class BenchSignIn
{
    public static async Task<HttpClient> EditorAsync(BenchCms cms)
    {
        using var scope = cms.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        const string email = "editor@bench.local";
        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, "Passw0rd-" + Guid.NewGuid().ToString("N")[..8]);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        db.Grants.Add(new AccessGrant { UserId = user.Id, Role = Roles.Editor, Sections = "" });
        await db.SaveChangesAsync();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CmsUser>>().CreateAsync(user);
        var cookie = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var issued = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(
            principal, new AuthenticationProperties { IssuedUtc = issued, ExpiresUtc = issued + cookie.ExpireTimeSpan }, IdentityConstants.ApplicationScheme);
        var address = new Uri("http://localhost/");
        var cookies = new CookieContainer();
        cookies.Add(address, new Cookie(ManagerCookie.Name, cookie.TicketDataFormat.Protect(ticket)));
        return cms.CreateDefaultClient(address, new CookieContainerHandler(cookies));
    }
}
