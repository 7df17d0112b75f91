using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>
/// The generator's content source over the CMS store: published entries, data files, and the media files published content
/// uses (files of unpublished items stay off the public site). Given a <see cref="CmsItemCache"/>, it reads again only the
/// rows that changed since the last load.
/// </summary>
public sealed class CmsContentSource(CmsDbContext db, string mediaDirectory, MediaVariants? libraryFiles = null, CmsItemCache? cache = null)
    : IContentSource
{
    public async Task<ContentSnapshot> LoadAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var rows = await db.Published.AsNoTracking()
            .Select(p => new PublishedMedia.Row(p.Section, p.Slug, p.ContentPath, p.FrontMatter, p.Body))
            .ToListAsync(cancellationToken);
        var library = await CmsItems.LibraryAsync(db, rows, cancellationToken);
        var ordered = rows.OrderBy(r => r.ContentPath, StringComparer.Ordinal).ToList();
        var read = cache?.ReadAll(ordered, library) ?? [.. ordered.Select(row => CmsItemCache.Entry.Of(row, library))];
        var items = new List<ContentItem>(rows.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (read[i].Result.Item is { } item)
            {
                items.Add(item);
                continue;
            }

            foreach (var (field, messages) in read[i].Result.Errors)
            {
                foreach (var message in messages)
                {
                    diagnostics.Error($"cms/{ordered[i].ContentPath}", 0, $"{field}: {message}");
                }
            }
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var file in await db.DataFiles.AsNoTracking().ToListAsync(cancellationToken))
        {
            data[Path.GetFileNameWithoutExtension(file.Name)] = YamlValues.ParseDocument($"cms/_data/{file.Name}", file.Text, diagnostics);
        }

        var media = await CmsItems.MediaAsync(read.Select(r => r.Media), mediaDirectory, library, libraryFiles, cancellationToken);
        return new ContentSnapshot(items, data, media);
    }
}
