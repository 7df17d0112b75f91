using System.Collections.Concurrent;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Content;

/// <summary>
/// Published rows already read into generator items and the media they may use, kept between the site builds and previews
/// of this node: a row's JSON is parsed and validated again only when the row changed. Rows that use library media are
/// always read afresh, because their items carry the library's alt text and focal points, which change without the row.
/// </summary>
public sealed class CmsItemCache
{
    private readonly ConcurrentDictionary<string, (PublishedMedia.Row Row, Entry Entry)> _read = new(StringComparer.Ordinal);

    /// <summary>A row read: its item or problems, and what it may use of the media folder.</summary>
    public sealed record Entry(ContentValidator.Result Result, PublishedMedia.Uses Media)
    {
        /// <summary>Reads a row without a cache.</summary>
        public static Entry Of(PublishedMedia.Row row, IReadOnlyDictionary<Guid, MediaItem> library) =>
            new(CmsItems.Read(row, library), PublishedMedia.UsesOf(row));
    }

    /// <summary>How many rows are kept.</summary>
    public int Count => _read.Count;

    /// <summary>Each row read, in the rows' order; rows no longer given are forgotten.</summary>
    public Entry[] ReadAll(IReadOnlyList<PublishedMedia.Row> rows, IReadOnlyDictionary<Guid, MediaItem> library)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var results = new Entry[rows.Count];
        var given = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            given.Add(row.ContentPath);
            if (_read.TryGetValue(row.ContentPath, out var kept) && kept.Row == row)
            {
                results[i] = kept.Entry;
                continue;
            }

            results[i] = Entry.Of(row, library);
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
