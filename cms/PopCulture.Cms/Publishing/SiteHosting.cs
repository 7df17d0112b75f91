using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace PopCulture.Cms.Publishing;

/// <summary>Serves the built static site at <c>/</c>, with its own 404 page.</summary>
public static class SiteHosting
{
    public static WebApplication UseBuiltSite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = Path.GetFullPath(app.Services.GetRequiredService<IOptions<CmsOptions>>().Value.SiteDirectory);
        Directory.CreateDirectory(folder);
        var files = new PhysicalFileProvider(folder);
        // API and manager requests never touch the disk looking for a page.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/manager"), site => site
            .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files })
            .UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Fingerprinted assets never change; pages may, so they revalidate.
                context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=60";
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        }));
        return app;
    }

    /// <summary>Anything not found outside the APIs gets the site's 404 page.</summary>
    public static async Task NotFoundAsync(HttpContext context, string siteFolder)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        var page = Path.Combine(siteFolder, "404.html");
        if (File.Exists(page))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(page, context.RequestAborted);
        }
    }
}
