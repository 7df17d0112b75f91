using System.Text.Encodings.Web;
using System.Text.Json;
using PopCulture.Site.Content;
using PopCulture.Site.Incremental;
using PopCulture.Site.Model;

namespace PopCulture.Site.Search;

/// <summary>Assembles analysed documents into the files of docs/search-index.md: term shards, doc chunks, the facets file and the manifest.</summary>
public static class SearchIndexBuilder
{
    public const int ChunkSize = 32;

    // Chinese stays readable and small in the files; they are data for our own script, never inlined into HTML.
    internal static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The documents of a site: every item with a page except the home page, sorted by URL (their ids).</summary>
    public static List<ContentItem> Documents(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Items.Where(i => !(i.IsIndex && i.Section.Length == 0)).OrderBy(model.UrlOf, StringComparer.Ordinal)];
    }

    /// <summary>The index files, and the manifest (not content-hashed: the entry point) as the last one.</summary>
    public static List<SearchIndexFile> Build(SiteModel model, IReadOnlyList<ContentItem> documents, IReadOnlyList<SearchDocument> analysed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(analysed);
        var shardCount = ShardCount(documents.Count);
        var shards = new Dictionary<string, List<int>>[shardCount];
        for (var s = 0; s < shardCount; s++)
        {
            shards[s] = new(StringComparer.Ordinal);
        }

        for (var id = 0; id < analysed.Count; id++)
        {
            var doc = analysed[id];
            for (var t = 0; t < doc.Terms.Length; t++)
            {
                var shard = shards[Shard(doc.Terms[t], shardCount)];
                if (!shard.TryGetValue(doc.Terms[t], out var postings))
                {
                    shard[doc.Terms[t]] = postings = [];
                }

                postings.Add(id);
                postings.Add(doc.Weights[t]);
                postings.Add(doc.FirstPositions[t]);
            }
        }

        var files = new List<SearchIndexFile>(shardCount + (documents.Count / ChunkSize) + 3);
        var shardNames = new System.Text.StringBuilder(shardCount * 8);
        for (var s = 0; s < shardCount; s++)
        {
            if (shards[s].Count == 0)
            {
                shardNames.Append("00000000");
                continue;
            }

            var file = Named($"t/{s}", WriteShard(shards[s]));
            shardNames.Append(file.SitePath.AsSpan(file.SitePath.Length - 16, 8));
            files.Add(file);
        }

        var chunkNames = new System.Text.StringBuilder();
        for (var start = 0; start < documents.Count; start += ChunkSize)
        {
            var file = Named($"d/{start / ChunkSize}", WriteChunk(model, documents, start));
            chunkNames.Append(file.SitePath.AsSpan(file.SitePath.Length - 16, 8));
            files.Add(file);
        }

        var facets = Named("facets", SearchFacetsFile.Write(model, documents));
        files.Add(facets);
        files.Add(Manifest(documents.Count, shardCount, shardNames.ToString(), chunkNames.ToString(), facets.SitePath[SearchIndexFile.Root.Length..]));
        return files;
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

    private static SearchIndexFile Named(string stem, byte[] json)
    {
        var hash = ContentHash.Of(json);
        return new SearchIndexFile($"{SearchIndexFile.Root}{stem}.{SearchIndexFile.ShortHash(hash)}.json.gz", hash, json);
    }

    private static byte[] WriteShard(Dictionary<string, List<int>> terms)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            foreach (var (term, postings) in terms.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                json.WriteStartArray(term);
                var previous = 0;
                for (var i = 0; i < postings.Count; i += 3)
                {
                    json.WriteNumberValue(postings[i] - previous);
                    json.WriteNumberValue(postings[i + 1]);
                    json.WriteNumberValue(postings[i + 2]);
                    previous = postings[i];
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] WriteChunk(SiteModel model, IReadOnlyList<ContentItem> documents, int start)
    {
        var sections = model.Sections.ToDictionary(s => s.Name, s => s.Title, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartArray();
            for (var id = start; id < Math.Min(documents.Count, start + ChunkSize); id++)
            {
                var item = documents[id];
                json.WriteStartObject();
                json.WriteString("u", model.UrlOf(item));
                json.WriteString("t", item.Title);
                json.WriteString("s", sections.GetValueOrDefault(item.Section, ""));
                json.WriteString("y", SearchFacets.TypeOf(item));
                json.WriteString("d", item.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
                json.WriteString("x", DocumentText.Snippet(item));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static SearchIndexFile Manifest(int documents, int shards, string shardFiles, string chunkFiles, string facets)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            json.WriteNumber("version", SearchRanking.FormatVersion);
            json.WriteNumber("docs", documents);
            json.WriteNumber("shards", shards);
            json.WriteString("shardFiles", shardFiles);
            json.WriteNumber("chunkSize", ChunkSize);
            json.WriteString("chunkFiles", chunkFiles);
            json.WriteString("facets", facets);
            json.WriteNumber("k1", SearchRanking.K1);
            json.WriteNumber("phrase", SearchRanking.Phrase);
            json.WriteStartArray("facetOrder");
            foreach (var key in SearchFacets.Order)
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            json.WriteStartObject("facetLabels");
            foreach (var key in SearchFacets.Order)
            {
                json.WriteString(key, SearchFacets.Labels[key]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        var bytes = buffer.ToArray();
        return new SearchIndexFile(SearchIndexFile.ManifestPath, ContentHash.Of(bytes), bytes);
    }
}
