using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Media;

/// <summary>The media library: upload, list and search, describe, delete; and the public download of stored files.</summary>
public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/v1/manage/media").WithTags("Media").RequireAuthorization();
        manage.MapPost("/", UploadAsync).WithName("UploadMedia")
            .WithSummary("Upload a JPEG, PNG, WebP, GIF, PDF or MP4 (multipart field 'file' plus title, alt, caption, credit, folder, tags, focalX, focalY)")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.LargestUpload + (1024 * 1024)))
            .Produces<MediaDocument>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(413);
        manage.MapGet("/", ListAsync).WithName("ListMedia").WithSummary("Media items, filtered by kind, folder, tag or text, newest first")
            .Produces<Page<MediaDocument>>().ProducesValidationProblem();
        manage.MapGet("/{id:guid}", GetAsync).WithName("GetMedia").WithSummary("A media item and the entries that use it")
            .Produces<MediaDocument>().ProducesProblem(404);
        manage.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateMedia").WithSummary("Describe a media item: title, alt text, caption, credit, folder, tags, focal point")
            .Produces<MediaDocument>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        manage.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteMedia").WithSummary("Delete a media item no entry uses")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        app.MapGet("/api/v1/media/{id:guid}/{variant:regex(^\\d{{2,4}}\\.(webp|jpg|png)$)}", VariantAsync).WithTags("Media").WithName("DownloadMediaVariant")
            .WithSummary("A responsive variant of an image: {width}.webp or {width}.jpg/.png at one of the theme's widths (or the image's own width when it is narrower)")
            .AllowAnonymous().Produces(200).ProducesProblem(404);
        app.MapGet("/api/v1/media/{id:guid}/original", DownloadAsync).WithTags("Media").WithName("DownloadMedia")
            .WithSummary("A stored media file (images stored again without metadata), cacheable for a year")
            .AllowAnonymous().Produces(200).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, AccessControl access, MediaService media, Microsoft.Extensions.Options.IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        if (!CanWrite(user))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "only admins, editors and authors may upload media");
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["send the file as multipart/form-data in the field 'file'"] });
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["the multipart field 'file' is required"] });
        }

        if (!TryNumber(form["focalX"], out var focalX) | !TryNumber(form["focalY"], out var focalY))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [focalX is null && form["focalX"].Count > 0 ? "focalX" : "focalY"] = ["must be a number between 0 and 1"] });
        }

        var input = new MediaInput(form["title"], form["alt"], form["caption"], form["credit"], form["folder"], MediaService.SplitTags(form["tags"]), focalX, focalY);
        await using var stream = file.OpenReadStream();
        var outcome = await media.UploadAsync(stream, file.FileName, input, user.Email, cancellationToken);
        return ApiResults.From(outcome, item => TypedResults.Created($"/api/v1/manage/media/{item.Id}", MediaDocument.From(item, [])));
    }

    private static async Task<IResult> ListAsync(
        AccessControl access, CmsDbContext db, [FromQuery] string? kind, [FromQuery] string? folder, [FromQuery] string? tag, [FromQuery] string? q,
        [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is null)
        {
            return ApiResults.Unauthorized();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, 50, 200, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var items = db.Media.AsNoTracking();
        if (!string.IsNullOrEmpty(kind))
        {
            items = items.Where(m => m.Kind == kind);
        }

        if (!string.IsNullOrEmpty(folder))
        {
            items = items.Where(m => m.Folder == folder || m.Folder.StartsWith(folder + "/"));
        }

        if (!string.IsNullOrEmpty(tag))
        {
            // Tags are stored comma-separated; match whole tags only.
            items = items.Where(m => ("," + m.Tags + ",").Contains("," + tag + ","));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            items = items.Where(m => (m.Title != null && m.Title.Contains(text)) || (m.Alt != null && m.Alt.Contains(text)) || (m.OriginalName != null && m.OriginalName.Contains(text)));
        }

        var total = await items.CountAsync(cancellationToken);
        var rows = await items.OrderByDescending(m => m.CreatedAt).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<MediaDocument>([.. rows.Select(m => MediaDocument.From(m))], number, size, total));
    }

    private static async Task<IResult> GetAsync(Guid id, AccessControl access, CmsDbContext db, MediaService media, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is null)
        {
            return ApiResults.Unauthorized();
        }

        var item = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return item is null
            ? TypedResults.Problem(statusCode: 404, title: "Not Found", detail: "no such media item")
            : TypedResults.Ok(MediaDocument.From(item, await media.UsageAsync(id, cancellationToken)));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, MediaInput input, AccessControl access, MediaService media, Publishing.SitePublisher publisher, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        if (!CanWrite(user))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "only admins, editors and authors may change media");
        }

        var outcome = await media.UpdateAsync(id, input, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            // Alt text and focal point show on the pages that use the item; a build with nothing to change writes nothing.
            publisher.RequestBuild($"media {id:N} described");
        }

        return ApiResults.From(outcome, item => TypedResults.Ok(MediaDocument.From(item)));
    }

    private static async Task<IResult> DeleteAsync(Guid id, AccessControl access, MediaService media, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        // Deleting can break published pages, so it takes the right to delete content, not just to upload.
        if (!user.CanWrite || !user.Grants.Any(g => g.Role is Roles.Admin or Roles.Editor))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "only admins and editors may delete media");
        }

        return ApiResults.From(await media.DeleteAsync(id, cancellationToken), _ => TypedResults.NoContent());
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, CmsDbContext db, IMediaStorage storage, CancellationToken cancellationToken)
    {
        var item = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var stream = item is null ? null : storage.OpenRead(id, item.StoredName);
        if (item is null || stream is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: "no such media file");
        }

        // Stored files never change (a new upload gets a new id), so they may be cached for a year.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{item.Sha256[..32]}\"");
        return TypedResults.Stream(stream, item.ContentType, entityTag: etag, enableRangeProcessing: item.Kind == "video");
    }

    private static async Task<IResult> VariantAsync(
        Guid id, string variant, HttpContext context, CmsDbContext db, MediaVariants variants, CancellationToken cancellationToken)
    {
        var item = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null || item.Kind != "image" || item.ContentType == "image/gif")
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: "no such image");
        }

        var file = await variants.FindAsync(item, variant, cancellationToken);
        if (file is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: $"no variant {variant}; widths are those of the theme");
        }

        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{item.Sha256[..24]}-{variant}\"");
        var type = variant.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : variant.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg";
        return TypedResults.PhysicalFile(file, type, entityTag: etag);
    }

    internal static bool CanWrite(CmsPrincipal user) =>
        user.CanWrite && user.Grants.Any(g => g.Role is Roles.Admin or Roles.Editor or Roles.Author);

    private static bool TryNumber(Microsoft.Extensions.Primitives.StringValues value, out double? number)
    {
        number = null;
        if (value.Count == 0 || string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
            return true;
        }

        return false;
    }
}
