using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Publishing;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>Export and import in the content/ format, zipped.</summary>
public static class TransferApi
{
    /// <summary>The largest zip an import accepts; far above the APIs' JSON limit, since media travel in it.</summary>
    public const long MaxUploadBytes = 64 * 1024 * 1024;

    public static IEndpointRouteBuilder MapTransferApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/manage").WithTags("Transfer").RequireAuthorization();
        api.MapGet("/export", ExportAsync).WithName("ExportContent")
            .WithSummary("The content as a zip in the content/ folder layout, drafts included (admins and editors; ?section= for one section)")
            .Produces(200, contentType: "application/zip").ProducesProblem(401).ProducesProblem(403);
        // No .Accepts(...): its content-type matching would send a request without a Content-Type to the fallback's 404.
        api.MapPost("/import", ImportAsync).WithName("ImportContent")
            .WithSummary("Import a zip in the content/ folder layout (raw application/zip body or form field 'file'); all or nothing; ?publish=true puts it live")
            .Produces<ImportSummary>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(413)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .DisableAntiforgery();
        return app;
    }

    /// <summary>What an import did.</summary>
    public sealed record ImportSummary(int Created, int Updated, int DataFiles, int MediaFiles);

    private static async Task<IResult> ExportAsync(
        [FromQuery] string? section, AccessControl access, CmsDbContext db, IOptions<CmsOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        // The export holds drafts of every kind, so it takes a role that may see and publish them all: admin or editor.
        var grants = user.Grants.Where(g => g.Role is Roles.Admin or Roles.Editor).ToList();
        if (grants.Count == 0)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "exporting takes the admin or editor role");
        }

        HashSet<string>? sections = grants.Any(g => g.Role == Roles.Admin || g.SectionList.Count == 0)
            ? null
            : grants.SelectMany(g => g.SectionList).ToHashSet(StringComparer.Ordinal);
        if (section is not null)
        {
            var name = section == DeliveryApi.RootSection ? "" : section;
            if (sections is not null && !sections.Contains(name))
            {
                return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"you may not export section '{section}'");
            }

            sections = [name];
        }

        // Built in a temp file, not in memory, so big sites cost disk rather than RAM. Not straight into the response:
        // ZipArchive still writes synchronously when an entry closes on a non-seekable stream, which Kestrel refuses;
        // and a failure midway is a clean 500 instead of a truncated download. The file goes when the response closes it.
        var zip = new FileStream(
            Path.Combine(Path.GetTempPath(), $"popculture-export-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await ContentExporter.WriteAsync(db, options.Value.MediaDirectory, zip, sections, cancellationToken);
            zip.Position = 0;
        }
        catch
        {
            await zip.DisposeAsync();
            throw;
        }

        var date = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return TypedResults.File(zip, "application/zip", $"popculture-content-{date}.zip");
    }

    private static async Task<IResult> ImportAsync(
        HttpRequest request, [FromQuery] string? publish, AccessControl access, ContentImporter importer, SitePublisher publisher, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        // An import may touch any section and the site-wide data files, so only someone unlimited may run it.
        if (!user.CanWrite || !user.Grants.Any(g => g.Role == Roles.Admin || (g.Role == Roles.Editor && g.SectionList.Count == 0)))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "importing takes the admin role or an editor role for every section, and a write token");
        }

        var goLive = false;
        if (publish is not null && !bool.TryParse(publish, out goLive))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["publish"] = ["publish must be true or false"] });
        }

        var temp = Path.Combine(Path.GetTempPath(), "popculture-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            var upload = Path.Combine(temp, "upload.zip");
            var saved = await SaveUploadAsync(request, upload, cancellationToken);
            if (saved is not null)
            {
                return saved;
            }

            var folder = Path.Combine(temp, "content");
            ContentZip.Extraction extracted;
            await using (var zip = new FileStream(upload, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true))
            {
                extracted = await ContentZip.ExtractAsync(zip, folder, cancellationToken);
            }

            if (extracted.Problems.Count > 0)
            {
                return FileProblem([.. extracted.Problems]);
            }

            var report = await importer.ImportAsync(folder, goLive, user.Email, cancellationToken);
            if (report.Problems.Count > 0)
            {
                return FileProblem([.. report.Problems]);
            }

            if (goLive)
            {
                publisher.RequestBuild($"import by {user.Email}: {report.Created} created, {report.Updated} updated");
            }

            return TypedResults.Ok(new ImportSummary(report.Created, report.Updated, report.DataFiles, report.MediaFiles));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Saves the zip from the raw body or the form field <c>file</c>; a problem result when there is none or it is too big.</summary>
    private static async Task<IResult?> SaveUploadAsync(HttpRequest request, string path, CancellationToken cancellationToken)
    {
        try
        {
            Stream source;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                if (form.Files.GetFile("file") is not { } file)
                {
                    return FileProblem("send the zip as the form field 'file', or as the raw request body");
                }

                source = file.OpenReadStream();
            }
            else
            {
                source = request.Body;
            }

            await using (source)
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    // Kestrel enforces the size limit too; this also holds behind servers that do not.
                    total += read;
                    if (total > MaxUploadBytes)
                    {
                        return TooLarge();
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                return total == 0 ? FileProblem("the request has no body; send the zip as application/zip or as the form field 'file'") : null;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            return FileProblem("the form could not be read (malformed multipart body, or a part over the size limit)");
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: 413, title: "Payload Too Large", detail: $"the zip is larger than {MaxUploadBytes / (1024 * 1024)} MB");

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem FileProblem(params string[] problems) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = problems });
}
