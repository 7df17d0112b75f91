using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>
/// The generator's content source over the CMS store: published entries, data files, and the media files published content
/// uses (files of unpublished items stay off the public site).
/// </summary>
public sealed class CmsContentSource(CmsDbContext db, string mediaDirectory, MediaVariants? libraryFiles = null) : IContentSource
{
    public async Task<ContentSnapshot> LoadAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var rows = await db.Published.AsNoTracking()
            .Select(p => new { p.Section, p.Slug, p.ContentPath, p.FrontMatter, p.Body })
            .ToListAsync(cancellationToken);
        var used = rows.SelectMany(r => LibraryReferences.IdsIn(r.FrontMatter, r.Body)).ToHashSet();
        var library = used.Count == 0
            ? []
            : await db.Media.AsNoTracking().Where(m => used.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var items = new List<ContentItem>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.ContentPath, StringComparer.Ordinal))
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(row.FrontMatter) as System.Text.Json.Nodes.JsonObject ?? [];
            var body = library.Count == 0 ? row.Body : LibraryReferences.WithLibraryAlt(row.Body, library);
            var result = ContentValidator.Validate(row.Section, row.Slug, json, body, row.ContentPath);
            if (result.Item is { } item)
            {
                items.Add(WithLibraryFocus(item, library));
            }
            else
            {
                foreach (var (field, messages) in result.Errors)
                {
                    foreach (var message in messages)
                    {
                        diagnostics.Error($"cms/{row.ContentPath}", 0, $"{field}: {message}");
                    }
                }
            }
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var file in await db.DataFiles.AsNoTracking().ToListAsync(cancellationToken))
        {
            data[Path.GetFileNameWithoutExtension(file.Name)] = YamlValues.ParseDocument($"cms/_data/{file.Name}", file.Text, diagnostics);
        }

        var media = new Dictionary<string, MediaFile>(StringComparer.Ordinal);
        foreach (var (key, path) in PublishedMedia.Select(rows.Select(r => new PublishedMedia.Row(r.Section, r.Slug, r.ContentPath, r.FrontMatter, r.Body)), mediaDirectory))
        {
            media[key] = new MediaFile(key, path, new FileInfo(path).Length);
        }

        foreach (var file in library.Values)
        {
            // A reference to a missing item was refused at publish; one deleted since is reported by the build's reference check.
            if (libraryFiles is not null && await libraryFiles.LocalCopyAsync(file, cancellationToken) is { } path)
            {
                var key = LibraryReferences.SitePath(file).TrimStart('/');
                media[key] = new MediaFile(key, path, new FileInfo(path).Length);
            }
        }

        return new ContentSnapshot(items, data, media);
    }

    /// <summary>A cover from the library is cropped around the library's focal point unless the front matter sets one.</summary>
    private static ContentItem WithLibraryFocus(ContentItem item, Dictionary<Guid, MediaItem> library)
    {
        if (item.Cover is not { FocalX: 0.5, FocalY: 0.5 } cover || library.Count == 0)
        {
            return item;
        }

        var ids = LibraryReferences.IdsIn("", cover.Src);
        return ids.Count == 1 && library.TryGetValue(ids.First(), out var file)
            ? item with { Cover = cover with { FocalX = file.FocalX, FocalY = file.FocalY } }
            : item;
    }
}
