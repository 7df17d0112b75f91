using System.Globalization;
using System.Text.Json;
using PopCulture.Site.Content;
using PopCulture.Site.Incremental;
using PopCulture.Site.Model;

namespace PopCulture.Site.Search;

/// <summary>The JSON of each kind of index file (docs/search-index.md), and their content-hashed names.</summary>
internal static class SearchIndexJson
{
    /// <summary>A file named by the hash of its JSON: <c>{stem}.{hash}.json.gz</c>, known by its slot.</summary>
    public static SearchIndexFile Named(string slot, string stem, byte[] json)
    {
        var hash = ContentHash.Of(json);
        return new SearchIndexFile($"{SearchIndexFile.Root}{stem}.{SearchIndexFile.ShortHash(hash)}.json.gz", hash, json) { Slot = slot };
    }

    /// <summary>A term file's stem: a hash of the term, so file names stay ASCII whatever the term.</summary>
    public static string TermFileStem(string term) => SearchIndexFile.ShortHash(ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(term)));

    /// <summary>A shard: each term's postings, then under <c>#</c> (never a term) the display records of its terms' top results.</summary>
    public static byte[] Shard(List<KeyValuePair<string, Postings>> terms, Action<Utf8JsonWriter> records)
    {
        terms.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return Write(json =>
        {
            json.WriteStartObject();
            foreach (var (term, postings) in terms)
            {
                json.WritePropertyName(term);
                postings.Write(json);
            }

            json.WriteStartObject("#");
            records(json);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>A common term's file: a shard of that one term.</summary>
    public static byte[] TermFile(string term, Postings postings, Action<Utf8JsonWriter> records) => Shard([new(term, postings)], records);

    public static byte[] Chunk(SiteModel model, IReadOnlyDictionary<string, string> sections, IReadOnlyList<ContentItem> documents, int start) => Write(json =>
    {
        json.WriteStartArray();
        for (var id = start; id < Math.Min(documents.Count, start + SearchIndexBuilder.ChunkSize); id++)
        {
            Record(json, model, sections, documents[id]);
        }

        json.WriteEndArray();
    });

    /// <summary>What a result shows of a document (docs/search-index.md, doc chunk); <paramref name="sections"/> maps section names to titles.</summary>
    public static void Record(Utf8JsonWriter json, SiteModel model, IReadOnlyDictionary<string, string> sections, ContentItem item)
    {
        json.WriteStartObject();
        json.WriteString("u", model.UrlOf(item));
        json.WriteString("t", item.Title);
        json.WriteString("s", sections.GetValueOrDefault(item.Section, ""));
        json.WriteString("y", SearchFacets.TypeOf(item));
        json.WriteString("d", item.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        json.WriteString("x", DocumentText.Snippet(item));
        json.WriteEndObject();
    }

    /// <summary>The manifest, from every file's slot and path; not content-hashed itself: it is the entry point.</summary>
    public static SearchIndexFile Manifest(int documents, int shards, IReadOnlyDictionary<string, string> slots)
    {
        var bytes = Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", SearchRanking.FormatVersion);
            json.WriteNumber("docs", documents);
            json.WriteNumber("shards", shards);
            json.WriteString("shardFiles", Names(slots, "t/", shards));
            json.WriteNumber("chunkSize", SearchIndexBuilder.ChunkSize);
            json.WriteString("chunkFiles", Names(slots, "d/", (documents + SearchIndexBuilder.ChunkSize - 1) / SearchIndexBuilder.ChunkSize));
            json.WriteStartObject("terms");
            foreach (var (slot, path) in slots.Where(s => s.Key.StartsWith("w/", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                json.WriteString(slot[2..], path[(SearchIndexFile.Root.Length + 2)..^".json.gz".Length]);
            }

            json.WriteEndObject();
            json.WriteString("facets", slots["facets"][SearchIndexFile.Root.Length..]);
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
        });
        return new SearchIndexFile(SearchIndexFile.ManifestPath, ContentHash.Of(bytes), bytes) { Slot = "manifest" };
    }

    /// <summary>8 hex digits per file in slot order, <c>00000000</c> where a slot has no file (an empty shard).</summary>
    private static string Names(IReadOnlyDictionary<string, string> slots, string prefix, int count)
    {
        var names = new System.Text.StringBuilder(count * 8);
        for (var i = 0; i < count; i++)
        {
            names.Append(slots.TryGetValue(prefix + i.ToString(CultureInfo.InvariantCulture), out var path) ? path.AsSpan(path.Length - 16, 8) : "00000000");
        }

        return names.ToString();
    }

    // Chinese stays readable and small in the files; they are data for our own script, never inlined into HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonWriterOptions WriterOptions => Options;

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return buffer.ToArray();
    }
}
