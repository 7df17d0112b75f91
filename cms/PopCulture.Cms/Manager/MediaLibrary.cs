using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Manager;

/// <summary>
/// The media screen's queries: a page of the library filtered in the database (count, offset and limit there, so a
/// library of thousands costs one page of rows), and the folders with their counts from one grouped query.
/// </summary>
public static class MediaLibrary
{
    public const int PageSize = 48;

    /// <summary>The kinds the filter offers, as stored.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["image", "pdf", "video"];

    public static async Task<MediaLibraryPage> PageAsync(CmsDbContext db, MediaLibraryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var items = db.Media.AsNoTracking();
        if (query.Kind is { } kind)
        {
            items = items.Where(m => m.Kind == kind);
        }

        if (query.Folder is { } folder)
        {
            var under = folder + "/";
            items = items.Where(m => m.Folder == folder || m.Folder.StartsWith(under));
        }

        if (query.Search is { } text)
        {
            items = items.Where(m => (m.Title != null && m.Title.Contains(text)) || (m.Alt != null && m.Alt.Contains(text))
                || (m.OriginalName != null && m.OriginalName.Contains(text)) || m.Tags.Contains(text));
        }

        var total = await items.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        // Id breaks ties of uploads in the same instant, so a page boundary never shows an item twice or skips one.
        var rows = await items.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new MediaLibraryPage(rows, total, page, PageSize);
    }

    /// <summary>
    /// Every folder with the items in it and under it, parents included even when they hold nothing directly; sorted by
    /// path. One row a distinct folder comes back from the database; each adds its count to its few ancestors.
    /// </summary>
    public static async Task<MediaFolders> FoldersAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var direct = await db.Media.AsNoTracking().GroupBy(m => m.Folder)
            .Select(g => new { Folder = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in direct.Where(r => r.Folder.Length > 0))
        {
            var path = row.Folder;
            while (true)
            {
                counts[path] = counts.GetValueOrDefault(path) + row.Count;
                var slash = path.LastIndexOf('/');
                if (slash < 0)
                {
                    break;
                }

                path = path[..slash];
            }
        }

        // Sorted by segments ('/' before any other character), so a folder's subfolders follow it directly.
        var folders = counts.OrderBy(c => c.Key.Replace('/', '\u0001'), StringComparer.Ordinal).Select(c => new MediaFolder(c.Key, c.Value)).ToList();
        return new MediaFolders(folders, direct.Sum(r => r.Count));
    }
}
