using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>
/// How stored rows (published copies for the site build, a working copy for a preview) become generator items: library
/// alt text filled in, a library cover's focal point applied, and the media files the rows may use.
/// </summary>
public static class CmsItems
{
    /// <summary>The library items the rows refer to, by id.</summary>
    public static async Task<Dictionary<Guid, MediaItem>> LibraryAsync(CmsDbContext db, IEnumerable<PublishedMedia.Row> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var used = rows.SelectMany(r => LibraryReferences.IdsIn(r.FrontMatter, r.Body)).ToHashSet();
        return used.Count == 0
            ? []
            : await db.Media.AsNoTracking().Where(m => used.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    /// <summary>Validates one row as the site build reads it: the item, or the problems by field.</summary>
    public static ContentValidator.Result Read(PublishedMedia.Row row, IReadOnlyDictionary<Guid, MediaItem> library)
    {
        var (frontMatter, body) = Resolve(row, library);
        return ContentValidator.Validate(row.Section, row.Slug, frontMatter, body, row.ContentPath);
    }

    /// <summary>
    /// A row's front matter and body as the site build reads them, for this CMS's build and for remote builds alike:
    /// empty alt text of library images filled in from the library, and a library cover given the library's focal point
    /// unless the front matter sets one.
    /// </summary>
    public static (JsonObject FrontMatter, string Body) Resolve(PublishedMedia.Row row, IReadOnlyDictionary<Guid, MediaItem> library)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(library);
        var frontMatter = JsonNode.Parse(row.FrontMatter) as JsonObject ?? [];
        if (library.Count == 0)
        {
            return (frontMatter, row.Body);
        }

        if (frontMatter["cover"] is JsonObject cover && !cover.ContainsKey("focal_x") && !cover.ContainsKey("focal_y")
            && cover["src"] is JsonValue src && src.TryGetValue(out string? path)
            && LibraryReferences.IdsIn("", path) is { Count: 1 } ids && library.TryGetValue(ids.First(), out var file))
        {
            cover["focal_x"] = file.FocalX;
            cover["focal_y"] = file.FocalY;
        }

        return (frontMatter, LibraryReferences.WithLibraryAlt(row.Body, library));
    }

    /// <summary>
    /// The files published rows with these <paramref name="uses"/> may use: those of their bundles and those they link to, and
    /// their library items as local files.
    /// A library item whose stored file is gone is left out; the build's reference check names the page that uses it.
    /// </summary>
    public static async Task<Dictionary<string, MediaFile>> MediaAsync(
        IEnumerable<PublishedMedia.Uses> uses, string mediaDirectory, IReadOnlyDictionary<Guid, MediaItem> library, MediaVariants? files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        var media = new Dictionary<string, MediaFile>(StringComparer.Ordinal);
        foreach (var (key, path) in PublishedMedia.Select(uses, mediaDirectory))
        {
            media[key] = new MediaFile(key, path, new FileInfo(path).Length);
        }

        foreach (var file in library.Values)
        {
            if (files is not null && await files.LocalCopyAsync(file, cancellationToken) is { } path)
            {
                var key = LibraryReferences.SitePath(file).TrimStart('/');
                media[key] = new MediaFile(key, path, new FileInfo(path).Length);
            }
        }

        return media;
    }
}
