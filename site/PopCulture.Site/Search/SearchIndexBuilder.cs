using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Search;

/// <summary>The index's document set and its term → shard rule (docs/search-index.md), and a whole index in one call.</summary>
public static class SearchIndexBuilder
{
    public const int ChunkSize = 32;

    /// <summary>
    /// Terms with at least this many postings get a file of their own: a query for a word on nearly every page then
    /// fetches that word's list, not a shard full of other common words.
    /// </summary>
    public const int CommonPostings = 1024;

    /// <summary>
    /// Terms with at least this many postings carry the display record of their top result in their shard or file, so
    /// a one-word query shows its first result after one fetch, not two. Rarer terms are most of a shard's terms and
    /// would make shards several times larger; their queries fetch the result's chunk.
    /// </summary>
    public const int RecordPostings = 16;

    /// <summary>The documents of a site: every item with a page except the home page, sorted by URL (their ids).</summary>
    public static List<ContentItem> Documents(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Items.Where(i => !(i.IsIndex && i.Section.Length == 0)).OrderBy(model.UrlOf, StringComparer.Ordinal)];
    }

    /// <summary>Every file of the index, the manifest last.</summary>
    public static List<SearchIndexFile> Build(SiteModel model, IReadOnlyList<ContentItem> documents, IReadOnlyList<SearchDocument> analysed, int commonPostings = CommonPostings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(analysed);
        return new SearchIndexAssembler(model, documents, analysed, commonPostings, Environment.ProcessorCount).Assemble(null, null).Fresh;
    }

    /// <summary>A power of two near one shard per 20 documents, so it changes only when the site doubles or halves.</summary>
    public static int ShardCount(int documents) => (int)Math.Clamp(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, documents / 20)), 1, 1024);

    /// <summary>FNV-1a over UTF-16 code units, as the browser computes it.</summary>
    public static int Shard(string term, int shardCount)
    {
        ArgumentNullException.ThrowIfNull(term);
        var hash = 2166136261u;
        foreach (var unit in term)
        {
            hash = unchecked((hash ^ unit) * 16777619u);
        }

        return (int)(hash & (uint)(shardCount - 1));
    }
}
