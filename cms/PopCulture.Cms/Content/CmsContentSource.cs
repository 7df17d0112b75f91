using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>The generator's content source over the CMS store: published entries, data files and the media folder.</summary>
public sealed class CmsContentSource(CmsDbContext db, string mediaDirectory) : IContentSource
{
    public async Task<ContentSnapshot> LoadAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var rows = await db.Published.AsNoTracking()
            .Select(p => new { p.Section, p.Slug, p.ContentPath, p.FrontMatter, p.Body })
            .ToListAsync(cancellationToken);
        var items = new List<ContentItem>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.ContentPath, StringComparer.Ordinal))
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(row.FrontMatter) as System.Text.Json.Nodes.JsonObject ?? [];
            var result = ContentValidator.Validate(row.Section, row.Slug, json, row.Body, row.ContentPath);
            if (result.Item is { } item)
            {
                items.Add(item);
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

        return new ContentSnapshot(items, data, ScanMedia());
    }

    private Dictionary<string, MediaFile> ScanMedia()
    {
        var media = new Dictionary<string, MediaFile>(StringComparer.Ordinal);
        if (!Directory.Exists(mediaDirectory))
        {
            return media;
        }

        foreach (var file in Directory.EnumerateFiles(mediaDirectory, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(mediaDirectory, file).Replace('\\', '/');
            media[key] = new MediaFile(key, file, new FileInfo(file).Length);
        }

        return media;
    }
}
