using PopCulture.Site.Content;

namespace PopCulture.Site.Search;

/// <summary>
/// Which page gets which doc id. Ids number the index's postings and chunks, so a page keeps its id from build to build:
/// a new page takes a removed page's id, or the next one; a removed page's id, if no new page takes it, goes to the
/// page with the last id, so ids stay dense. Adding or removing a page then changes the postings of that page (and of
/// at most one page moved), not of every page after it in URL order.
/// </summary>
internal static class DocIds
{
    /// <param name="documents">The documents of this build, in URL order (the order of a first build).</param>
    /// <param name="previous">The last build's URL for each id.</param>
    /// <param name="url">A document's URL.</param>
    public static List<ContentItem> Order(List<ContentItem> documents, IReadOnlyList<string> previous, Func<ContentItem, string> url)
    {
        var byUrl = new Dictionary<string, ContentItem>(documents.Count, StringComparer.Ordinal);
        foreach (var document in documents)
        {
            byUrl[url(document)] = document;
        }

        var ids = new List<ContentItem?>(Math.Max(previous.Count, documents.Count));
        foreach (var known in previous)
        {
            ids.Add(byUrl.Remove(known, out var document) ? document : null);
        }

        var added = new Queue<ContentItem>(documents.Where(d => byUrl.ContainsKey(url(d)))); // still in URL order
        for (var id = 0; id < ids.Count; id++)
        {
            if (ids[id] is not null)
            {
                continue;
            }

            if (added.TryDequeue(out var document))
            {
                ids[id] = document;
                continue;
            }

            // No new page for this id: move the last page here, dropping the empty ids at the end first.
            while (ids.Count > id + 1 && ids[^1] is null)
            {
                ids.RemoveAt(ids.Count - 1);
            }

            ids[id] = ids[^1];
            ids.RemoveAt(ids.Count - 1);
        }

        ids.AddRange(added);
        return [.. ids.Select(d => d!)];
    }
}
