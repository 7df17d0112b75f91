using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Content;

/// <summary>
/// Writes the CMS's content as a zip in the <c>content/</c> folder layout: every entry's working copy at its
/// content path, the data files under <c>_data/</c> and the media files, so importing the zip gives back the same site.
/// </summary>
public static class ContentExporter
{
    /// <summary>Already-compressed media gain nothing from deflate; storing them saves the CPU.</summary>
    private static readonly HashSet<string> Stored = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".mp3", ".mp4", ".m4a", ".webm", ".zip", ".gz", ".pdf", ".woff", ".woff2",
    };

    private static readonly DateTimeOffset EarliestZipTime = new(1980, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestZipTime = new(2107, 12, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Streams the zip to <paramref name="output"/> entry by entry. <paramref name="sections"/> limits it to those
    /// sections (<c>""</c> is the root) and leaves out the site-wide data files; null exports everything.
    /// </summary>
    public static async Task WriteAsync(CmsDbContext db, string mediaDirectory, Stream output, IReadOnlySet<string>? sections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var written = new HashSet<string>(StringComparer.Ordinal);
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);

        var entries = db.Entries.AsNoTracking();
        if (sections is not null)
        {
            entries = entries.Where(e => sections.Contains(e.Section));
        }

        var rows = entries.OrderBy(e => e.ContentPath).Select(e => new { e.ContentPath, e.FrontMatter, e.Body, e.UpdatedAt }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var frontMatter = JsonNode.Parse(row.FrontMatter)?.AsObject() ?? [];
            var text = $"---\n{FrontMatterJson.ToYamlText(frontMatter)}---\n{row.Body}";
            await AddTextAsync(zip, written, row.ContentPath, text, row.UpdatedAt, cancellationToken);
        }

        if (sections is null)
        {
            var dataFiles = await db.DataFiles.AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);
            foreach (var file in dataFiles)
            {
                await AddTextAsync(zip, written, $"_data/{file.Name}", file.Text, file.UpdatedAt, cancellationToken);
            }
        }

        foreach (var (name, path) in MediaFiles(mediaDirectory, sections))
        {
            if (!written.Add(name))
            {
                continue; // an entry's own file wins over a stray media file of the same name
            }

            var entry = zip.CreateEntry(name, Stored.Contains(Path.GetExtension(name)) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            entry.LastWriteTime = ZipTime(File.GetLastWriteTimeUtc(path));
            await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using var target = await entry.OpenAsync(cancellationToken);
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    /// <summary>The media folder's files as (zip name, physical path), in name order; hidden files and links are left out.</summary>
    private static IEnumerable<(string Name, string Path)> MediaFiles(string mediaDirectory, IReadOnlySet<string>? sections)
    {
        if (!Directory.Exists(mediaDirectory))
        {
            return [];
        }

        var walk = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        };
        return Directory.EnumerateFiles(mediaDirectory, "*", walk)
            .Select(path => (Name: Path.GetRelativePath(mediaDirectory, path).Replace('\\', '/'), Path: path))
            .Where(file => !file.Name.Split('/').Any(segment => segment.StartsWith('.')) && !file.Name.StartsWith("_data/", StringComparison.Ordinal))
            .Where(file => sections is null || sections.Contains(file.Name.Contains('/', StringComparison.Ordinal) ? file.Name[..file.Name.IndexOf('/', StringComparison.Ordinal)] : ""))
            .OrderBy(file => file.Name, StringComparer.Ordinal);
    }

    private static async Task AddTextAsync(ZipArchive zip, HashSet<string> written, string name, string text, DateTimeOffset modified, CancellationToken cancellationToken)
    {
        if (!written.Add(name))
        {
            return;
        }

        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = ZipTime(modified);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    /// <summary>Zip timestamps cover 1980 to 2107 only.</summary>
    private static DateTimeOffset ZipTime(DateTimeOffset time) =>
        time < EarliestZipTime ? EarliestZipTime : time > LatestZipTime ? LatestZipTime : time;
}
