using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// Draft previews: anyone who may read an entry gets a signed, expiring link; the link shows the entry's working copy
/// in the live theme to whoever holds it, until it expires or the previewed revision is published.
/// </summary>
public static class PreviewApi
{
    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapPreviewApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/manage/content/{id:guid}/preview", CreateAsync).WithTags("Content").RequireAuthorization()
            .WithName("CreatePreviewLink").WithSummary("A signed link showing the entry's working copy as it would appear, until it expires or is published; optional JSON body {\"expiresInHours\": 1–168}")
            .Produces<PreviewLink>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        // Anonymous on purpose: the token is the credential, so a link can be shared with someone without an account.
        app.MapGet("/preview/{token}", ShowAsync).WithTags("Preview").AllowAnonymous()
            .WithName("ShowPreview").WithSummary("The previewed page; 404 for a token that is invalid, expired or already published")
            .Produces(200, contentType: "text/html").ProducesValidationProblem().Produces(404);
        app.MapGet("/preview/{token}/files/{**path}", FileAsync).WithTags("Preview").AllowAnonymous()
            .WithName("ShowPreviewFile").WithSummary("An image the previewed page shows; 404 once the page's link no longer works")
            .Produces(200, null, "image/webp", "image/png", "image/jpeg", "image/gif", "image/svg+xml").Produces(404);
        return app;
    }

    private static async Task<IResult> CreateAsync(
        Guid id, HttpRequest http, AccessControl access, PreviewLinks links, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        // The body is optional: a bound (or Accepts-declared) body makes routing refuse a POST without a content type.
        PreviewRequest? request = null;
        if (http.HasJsonContentType())
        {
            try
            {
                request = await http.ReadFromJsonAsync<PreviewRequest>(cancellationToken);
            }
            catch (JsonException)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["the body must be a JSON object like {\"expiresInHours\": 24}"] });
            }
        }

        TimeSpan? lifetime = null;
        if (request?.ExpiresInHours is { } hours)
        {
            if (hours < 1 || hours > PreviewOptions.MaxLifetime.TotalHours)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["expiresInHours"] = [$"expiresInHours must be from 1 to {PreviewOptions.MaxLifetime.TotalHours:0}"],
                });
            }

            lifetime = TimeSpan.FromHours(hours);
        }

        var outcome = await links.CreateAsync(id, user, lifetime, cancellationToken);
        return ApiResults.From(outcome, link => TypedResults.Ok(link));
    }

    private static async Task<IResult> ShowAsync(
        string token, HttpContext http, PreviewTokens tokens, CmsDbContext db, PreviewRenderer renderer, CancellationToken cancellationToken)
    {
        KeepPrivate(http.Response);
        if (await OpenAsync(token, tokens, db, cancellationToken) is not { } entry)
        {
            return TypedResults.NotFound();
        }

        var (page, errors) = await renderer.RenderAsync(entry, db, cancellationToken);
        if (errors is not null || page?.Html is null)
        {
            errors ??= page!.Problems
                .GroupBy(p => p.Field is { } field ? $"frontMatter.{field}" : p.Path.StartsWith("cms/", StringComparison.Ordinal) ? "entry" : p.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
            return TypedResults.ValidationProblem(errors, title: "此草稿暂时无法预览", detail: "the draft cannot be shown as it would appear: fix the problems named below");
        }

        return TypedResults.Content(PreviewFiles.Route(page.Html, page.Files, $"/preview/{token}/files"), "text/html; charset=utf-8");
    }

    private static async Task<IResult> FileAsync(
        string token, string path, HttpContext http, PreviewTokens tokens, CmsDbContext db, PreviewRenderer renderer, CancellationToken cancellationToken)
    {
        KeepPrivate(http.Response);
        // A file the page shows, looked up by its exact link: nothing else of the disk can be named.
        if (await OpenAsync(token, tokens, db, cancellationToken) is not { } entry
            || (await renderer.RenderAsync(entry, db, cancellationToken)).Page?.Files.GetValueOrDefault("/" + path) is not { } file
            || !File.Exists(file))
        {
            return TypedResults.NotFound();
        }

        // An SVG opened on its own would run its scripts on the CMS's origin.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return TypedResults.PhysicalFile(file, ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream");
    }

    /// <summary>The entry a token names, while the token is valid and the previewed revision is not live; else null.</summary>
    private static async Task<ContentEntry?> OpenAsync(string token, PreviewTokens tokens, CmsDbContext db, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } named)
        {
            return null;
        }

        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == named.EntryId, cancellationToken);
        return entry is null || entry.PublishedRevision >= named.Revision ? null : entry;
    }

    /// <summary>
    /// On every answer, 404s included: nothing caches a draft, search engines skip it, and the token in the address
    /// never leaves in a Referer header when the reader follows a link. Every failure is the same bare 404, so a link
    /// reveals nothing about whether it was forged, expired, published or deleted.
    /// </summary>
    private static void KeepPrivate(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
