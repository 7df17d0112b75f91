using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;
using PopCulture.Cms.Publishing;

namespace PopCulture.Cms.Content;

/// <summary>
/// The anonymous, read-only source API for remote site builds (<c>popculture build --cms</c>): published items as content
/// files, the data files, and the media files published content uses. Only published rows are read, never working copies.
/// </summary>
public static class SourceApi
{
    public const int MaxPageSize = 100;

    private const int MaxPage = 1_000_000;

    public static IEndpointRouteBuilder MapSourceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/source").WithTags("Source").AllowAnonymous();
        api.MapGet("/", ManifestAsync).WithName("GetSourceManifest")
            .WithSummary("What a site build reads: published items (content path and revision), the data files, and the media files published content uses (length, SHA-256)")
            .Produces<SourceManifest>();
        api.MapGet("/items", ItemsAsync).WithName("ListSourceItems")
            .WithSummary("Published items as content files (YAML front matter, then Markdown) in content-path order, paged (pageSize 1–100)")
            .Produces<Page<SourceItem>>().ProducesValidationProblem();
        api.MapGet("/media/{**key}", MediaAsync).WithName("DownloadSourceMedia")
            .WithSummary("A media file the manifest lists, by its key; the ETag is its SHA-256")
            .Produces(200).ProducesProblem(404);
        return app;
    }

    private static Task<IResult> ManifestAsync(
        HttpContext context, CmsDbContext db, DeliveryCache cache, IMemoryCache memory, SiteStateCache state, MediaVariants files, IOptions<CmsOptions> options) =>
        cache.GetAsync(context, "source:manifest", async cancellationToken =>
        {
            var items = await db.Published.AsNoTracking()
                .Select(p => new SourceItemInfo(p.ContentPath, p.Section, p.Slug, p.Revision))
                .ToListAsync(cancellationToken);
            var data = await db.DataFiles.AsNoTracking().Select(f => new SourceDataFile(f.Name, f.Text)).ToListAsync(cancellationToken);
            var media = await PublishedMediaAsync(db, memory, state, files, options.Value.MediaDirectory, cancellationToken);
            var manifest = new SourceManifest(
                [.. items.OrderBy(i => i.ContentPath, StringComparer.Ordinal)],
                [.. data.OrderBy(f => f.Name, StringComparer.Ordinal)],
                [.. media.Values.Select(m => m.Media).OrderBy(m => m.Key, StringComparer.Ordinal)]);
            return (200, JsonSerializer.SerializeToUtf8Bytes(manifest, ContentJson.Options));
        });

    private static async Task<IResult> ItemsAsync(HttpContext context, CmsDbContext db, DeliveryCache cache)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = Number(query, "page", 1, MaxPage, errors);
        var pageSize = Number(query, "pageSize", MaxPageSize, MaxPageSize, errors);
        foreach (var key in query.Keys.Where(k => k is not ("page" or "pageSize")))
        {
            errors[key] = ["unknown parameter; only page and pageSize are accepted"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The key is the parsed query, so junk parameters cannot fill the cache.
        return await cache.GetAsync(context, $"source:items:{page}:{pageSize}", async cancellationToken =>
        {
            var total = await db.Published.CountAsync(cancellationToken);
            var rows = await db.Published.AsNoTracking()
                .OrderBy(p => p.ContentPath).ThenBy(p => p.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .Select(p => new { p.Revision, Row = new PublishedMedia.Row(p.Section, p.Slug, p.ContentPath, p.FrontMatter, p.Body) })
                .ToListAsync(cancellationToken);
            // The text a content/ file would hold, as this CMS's own build reads it (library alt text and focal points
            // filled in), so a remote build makes the same pages.
            var library = await CmsItems.LibraryAsync(db, rows.Select(r => r.Row), cancellationToken);
            var items = rows.Select(r =>
            {
                var (frontMatter, body) = CmsItems.Resolve(r.Row, library);
                return new SourceItem(r.Row.ContentPath, r.Row.Section, r.Row.Slug, r.Revision, $"---\n{FrontMatterJson.ToYamlText(frontMatter)}---\n{body}");
            }).ToList();
            return (200, JsonSerializer.SerializeToUtf8Bytes(new Page<SourceItem>(items, page, pageSize, total), ContentJson.Options));
        });
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> MediaAsync(
        string key, CmsDbContext db, IMemoryCache memory, SiteStateCache state, MediaVariants files, IOptions<CmsOptions> options, CancellationToken cancellationToken)
    {
        // Only a key the listing holds reaches the disk, at the path the listing found for it: the client's key is never a path.
        if (PublishedMedia.IsSafeKey(key)
            && (await PublishedMediaAsync(db, memory, state, files, options.Value.MediaDirectory, cancellationToken)).TryGetValue(key, out var file)
            && File.Exists(file.Path))
        {
            return TypedResults.PhysicalFile(file.Path, "application/octet-stream", lastModified: File.GetLastWriteTimeUtc(file.Path),
                entityTag: new EntityTagHeaderValue($"\"{file.Media.Sha256}\""));
        }

        return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: "no media file of published content has that key");
    }

    /// <summary>
    /// The media files a build may fetch, the same files this CMS's own build uses: every file in the folder of a published
    /// bundle, any other file published content links to, and the library items it uses. Files of unpublished items stay
    /// private. Computed once per published version.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, SourceFile>> PublishedMediaAsync(
        CmsDbContext db, IMemoryCache memory, SiteStateCache state, MediaVariants files, string mediaDirectory, CancellationToken cancellationToken)
    {
        var (version, _) = await state.CurrentAsync(cancellationToken);
        var cacheKey = string.Create(CultureInfo.InvariantCulture, $"source:media:{version}");
        if (memory.TryGetValue(cacheKey, out IReadOnlyDictionary<string, SourceFile>? cached) && cached is not null)
        {
            return cached;
        }

        var rows = await db.Published.AsNoTracking()
            .Select(p => new PublishedMedia.Row(p.Section, p.Slug, p.ContentPath, p.FrontMatter, p.Body))
            .ToListAsync(cancellationToken);
        var library = await CmsItems.LibraryAsync(db, rows, cancellationToken);
        var media = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var file in (await CmsItems.MediaAsync(rows.Select(PublishedMedia.UsesOf), mediaDirectory, library, files, cancellationToken)).Values)
        {
            var info = new FileInfo(file.PhysicalPath);
            media[file.SitePath] = new SourceFile(new SourceMedia(file.SitePath, info.Length, await HashAsync(memory, info, cancellationToken)), info.FullName);
        }

        memory.Set(cacheKey, (IReadOnlyDictionary<string, SourceFile>)media,
            new MemoryCacheEntryOptions { Size = 1024 + (512L * media.Count), SlidingExpiration = TimeSpan.FromMinutes(10) });
        return media;
    }

    /// <summary>A listed media file and where it is on this node's disk.</summary>
    private sealed record SourceFile(SourceMedia Media, string Path);

    /// <summary>SHA-256 of a media file, remembered while its length and write time stay the same.</summary>
    private static async Task<string> HashAsync(IMemoryCache memory, FileInfo file, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"source:sha256:{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}");
        if (memory.TryGetValue(key, out string? hash) && hash is not null)
        {
            return hash;
        }

        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        memory.Set(key, hash, new MemoryCacheEntryOptions { Size = 256, SlidingExpiration = TimeSpan.FromHours(1) });
        return hash;
    }

    private static int Number(IQueryCollection query, string name, int fallback, int max, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
        {
            errors[name] = [$"{name} must be a whole number from 1 to {max}"];
        }

        return value;
    }
}

/// <summary>What a remote build reads: published items (fetched from <c>/items</c>), data files, and media.</summary>
public sealed record SourceManifest(IReadOnlyList<SourceItemInfo> Items, IReadOnlyList<SourceDataFile> DataFiles, IReadOnlyList<SourceMedia> Media);

/// <summary>A published item in the manifest: where it sits and which revision is live.</summary>
public sealed record SourceItemInfo(string ContentPath, string Section, string Slug, int Revision);

/// <summary>A published item as the text of its content file.</summary>
public sealed record SourceItem(string ContentPath, string Section, string Slug, int Revision, string Text);

/// <summary>A YAML data file of the site, as written.</summary>
public sealed record SourceDataFile(string Name, string Text);

/// <summary>A media file published content uses, by its key (<c>parks/gusu-park/park.png</c>).</summary>
public sealed record SourceMedia(string Key, long Length, string Sha256);
