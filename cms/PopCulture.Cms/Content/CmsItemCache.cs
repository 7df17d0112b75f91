using System.Collections.Concurrent;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Content;

/// <summary>
/// Published rows already read into generator items, kept between the site builds and previews of this node: a row's JSON
/// is parsed and validated again only when the row changed. Rows that use library media are always read afresh, because
/// their items carry the library's alt text and focal points, which change without the row changing.
/// </summary>
public sealed class CmsItemCache
{
    private readonly ConcurrentDictionary<string, (PublishedMedia.Row Row, ContentValidator.Result Result)> _read = new(StringComparer.Ordinal);

    /// <summary>How many rows are kept.</summary>
    public int Count => _read.Count;

    /// <summary>Each row as an item or its problems, in the rows' order; rows no longer given are forgotten.</summary>
    public ContentValidator.Result[] ReadAll(IReadOnlyList<PublishedMedia.Row> rows, IReadOnlyDictionary<Guid, MediaItem> library)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var results = new ContentValidator.Result[rows.Count];
        var given = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            given.Add(row.ContentPath);
            if (_read.TryGetValue(row.ContentPath, out var kept) && kept.Row == row)
            {
                results[i] = kept.Result;
                continue;
            }

            results[i] = CmsItems.Read(row, library);
            if (LibraryReferences.IdsIn(row.FrontMatter, row.Body).Count == 0)
            {
                _read[row.ContentPath] = (row, results[i]);
            }
            else
            {
                _read.TryRemove(row.ContentPath, out _);
            }
        }

        foreach (var path in _read.Keys)
        {
            if (!given.Contains(path))
            {
                _read.TryRemove(path, out _);
            }
        }

        return results;
    }
}
