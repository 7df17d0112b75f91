using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace PopCulture.Browser.Tests;

/// <summary>
/// Serves a built site on 127.0.0.1 the way a plain static host or CDN does: files, directory indexes, the site's
/// 404 page, validators for revalidation, and gzip/Brotli for text, so the bytes the browser fetches are realistic.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The site's root, with a trailing slash.</summary>
    public Uri Address { get; }

    /// <summary>A loopback port that was free a moment ago, so a site can be built for its address before it is served.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<StaticSiteServer> StartAsync(string root, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/atom+xml"];
        });

        var app = builder.Build();
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseResponseCompression();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            var notFound = files.GetFileInfo("404.html");
            if (notFound.Exists)
            {
                await context.Response.SendFileAsync(notFound, context.RequestAborted);
            }
        });

        await app.StartAsync(cancellationToken);
        return new StaticSiteServer(app, new Uri(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
