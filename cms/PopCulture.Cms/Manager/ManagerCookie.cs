using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PopCulture.Cms.Manager;

/// <summary>
/// The Identity application cookie as the manager uses it: a browser-session cookie that ends after an idle timeout,
/// never readable by scripts, never sent from another site, and Secure whenever the request came over HTTPS.
/// </summary>
public static class ManagerCookie
{
    public const string Name = "popculture";

    public static void Configure(CookieAuthenticationOptions cookie, ManagerOptions manager)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        ArgumentNullException.ThrowIfNull(manager);
        cookie.Cookie.Name = Name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        // Plain HTTP stays usable on a developer's machine; behind TLS (or a proxy forwarding https) the cookie is Secure.
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = manager.IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = ManagerPaths.SignIn;
        cookie.LogoutPath = ManagerPaths.SignOut;
        cookie.AccessDeniedPath = ManagerPaths.Denied;
        cookie.ReturnUrlParameter = "returnUrl";
        // Pages of the manager send people to the sign-in page; the APIs answer 401/403 problem details instead.
        cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(ManagerPaths.Root, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
