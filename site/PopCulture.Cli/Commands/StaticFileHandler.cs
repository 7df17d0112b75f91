using System.Net;

namespace PopCulture.Cli.Commands;

/// <summary>Serves the built site's files for <c>popculture serve</c>: directory indexes, content types, the site's 404 page.</summary>
internal sealed class StaticFileHandler(string root)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".pdf"] = "application/pdf",
    };

    public async Task HandleAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        try
        {
            var path = Resolve(context.Request.Url?.AbsolutePath ?? "/");
            var status = 200;
            if (path is null || !File.Exists(path))
            {
                status = 404;
                path = Path.Combine(Path.GetFullPath(root), "404.html");
            }

            response.StatusCode = status;
            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            response.Headers["X-Content-Type-Options"] = "nosniff";
            if (File.Exists(path))
            {
                await using var file = File.OpenRead(path);
                response.ContentLength64 = file.Length;
                await file.CopyToAsync(response.OutputStream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
            // The browser went away mid-response or the site was swapped during a rebuild: nothing to recover.
        }
        finally
        {
            response.Close();
        }
    }

    /// <summary>Maps a request path to a file under the root, refusing anything that climbs out of it.</summary>
    private string? Resolve(string requestPath)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var relative = Uri.UnescapeDataString(requestPath).TrimStart('/');
        var candidate = Path.GetFullPath(Path.Combine(full, relative));
        if (!candidate.StartsWith(full, StringComparison.Ordinal) && candidate + Path.DirectorySeparatorChar != full)
        {
            return null;
        }

        return Directory.Exists(candidate) ? Path.Combine(candidate, "index.html") : candidate;
    }
}
