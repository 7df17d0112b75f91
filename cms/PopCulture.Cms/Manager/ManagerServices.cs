using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace PopCulture.Cms.Manager;

/// <summary>The editors' web app at <c>/manager</c>: Razor Pages, their cookie, languages and assets.</summary>
public static class ManagerServices
{
    public static WebApplicationBuilder AddManager(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ManagerOptions>().BindConfiguration(ManagerOptions.SectionName)
            .Validate(o => o.IsValid(), "PopCulture:Manager:IdleTimeout must be from 1 minute to 1 day and TimeZone a known time zone id")
            .ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ManagerOptions>>((cookie, manager) => ManagerCookie.Configure(cookie, manager.Value));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "popculture-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddLocalization();
        // Chinese pages stay Chinese in the HTML instead of numeric character references three times their size.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Manager/Pages";
            // Every page needs a signed-in user but the few that let one sign in or change language.
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Language");
            o.Conventions.AllowAnonymousToPage("/Denied");
        });
        // The sign-in form shares the token endpoint's rate limit; a refused attempt gets the form back with a message,
        // not the API's JSON.
        services.PostConfigure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o =>
        {
            var api = o.OnRejected;
            o.OnRejected = (context, cancellationToken) =>
            {
                if (!context.HttpContext.Request.Path.StartsWithSegments(ManagerPaths.Root, StringComparison.OrdinalIgnoreCase))
                {
                    return api?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask;
                }

                context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.HttpContext.Response.Headers.Location = context.HttpContext.Request.PathBase + ManagerPaths.SignIn + "?throttled=true";
                return ValueTask.CompletedTask;
            };
        });
        services.AddSingleton<ManagerDisplay>();
        services.AddScoped<ManagerDashboard>();
        services.AddScoped<ContentLists>();
        services.AddScoped<EntryWork>();
        return builder;
    }

    /// <summary>Call after authentication and authorization: sets the language of manager requests, serves its CSS, maps its pages.</summary>
    public static WebApplication MapManager(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Only the manager is localised: the APIs stay culture-invariant whatever cookie a browser sends.
        var cultures = ManagerCulture.Options();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ManagerPaths.Root, StringComparison.OrdinalIgnoreCase),
            manager => manager.Use(WithSecurityHeaders).UseRequestLocalization(cultures));
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = ManagerPaths.Assets,
            FileProvider = new EmbeddedFileProvider(typeof(ManagerServices).Assembly, "PopCulture.Cms.Manager.Assets"),
            // The files change with the CMS's version; revalidating costs a 304.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapRazorPages();
        return app;
    }

    // The manager loads nothing from anywhere but the CMS and is never framed: the browser enforces both.
    private static Task WithSecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return next();
    }
}
