using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// A working copy read as the site build reads a published row (library alt text filled in, a library cover's focal
/// point), with the media files it may use: published content leaves a draft's files out, a preview needs them.
/// </summary>
public static class PreviewContent
{
    /// <summary>The validated item (or the problems by field), and the media files the working copy may use.</summary>
    public static async Task<(ContentValidator.Result Validation, IReadOnlyDictionary<string, MediaFile> Media)> ReadAsync(
        ContentEntry entry, CmsDbContext db, MediaVariants variants, string mediaDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(variants);
        var ids = LibraryReferences.IdsIn(entry.FrontMatter, entry.Body);
        var library = ids.Count == 0
            ? []
            : await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var body = library.Count == 0 ? entry.Body : LibraryReferences.WithLibraryAlt(entry.Body, library);
        var frontMatter = JsonNode.Parse(entry.FrontMatter) as JsonObject ?? [];
        var validation = ContentValidator.Validate(entry.Section, entry.Slug, frontMatter, body, entry.ContentPath);
        if (validation.Item is { Cover: { FocalX: 0.5, FocalY: 0.5 } cover } item
            && LibraryReferences.IdsIn("", cover.Src) is { Count: 1 } coverIds && library.TryGetValue(coverIds.First(), out var coverFile))
        {
            validation = validation with { Item = item with { Cover = cover with { FocalX = coverFile.FocalX, FocalY = coverFile.FocalY } } };
        }

        var media = new Dictionary<string, MediaFile>(StringComparer.Ordinal);
        var row = new PublishedMedia.Row(entry.Section, entry.Slug, entry.ContentPath, entry.FrontMatter, entry.Body);
        foreach (var (key, path) in PublishedMedia.Select([row], mediaDirectory))
        {
            media[key] = new MediaFile(key, path, new FileInfo(path).Length);
        }

        foreach (var file in library.Values)
        {
            if (await variants.LocalCopyAsync(file, cancellationToken) is { } path)
            {
                var key = LibraryReferences.SitePath(file).TrimStart('/');
                media[key] = new MediaFile(key, path, new FileInfo(path).Length);
            }
        }

        return (validation, media);
    }
}
