using System.Text.Json;

namespace PopCulture.Site.Search;

/// <summary>
/// Runs queries over the static index files exactly as search.js does (docs/search-index.md: all required terms,
/// BM25 over stored weights, proximity of first positions, recency then id as tie-breakers); the relevance suite runs here.
/// </summary>
public sealed class SearchEngine
{
    private readonly Func<string, byte[]> _read;
    private readonly JsonElement _manifest;
    private readonly Dictionary<int, JsonElement> _shards = [];
    private readonly Dictionary<int, JsonElement> _chunks = [];
    private readonly Dictionary<int, JsonElement> _records = [];
    private SearchFacetsIndex? _facets;

    /// <param name="read">Returns the uncompressed JSON of an index file by its site path.</param>
    public SearchEngine(Func<string, byte[]> read)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _manifest = JsonDocument.Parse(read(SearchIndexFile.ManifestPath)).RootElement;
        Documents = _manifest.GetProperty("docs").GetInt32();
    }

    public int Documents { get; }

    /// <summary>Every file the queries so far fetched, by site path: what a browser would have downloaded.</summary>
    public HashSet<string> Fetched { get; } = new(StringComparer.Ordinal);

    public SearchResults Search(string? query, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null)
    {
        var terms = QueryTerms.Parse(query);
        var active = (filters ?? new Dictionary<string, IReadOnlyList<string>>()).Where(f => f.Value.Count > 0).ToList();
        if (terms.Required.Count == 0 && active.Count == 0)
        {
            return SearchResults.Empty;
        }

        var postings = terms.Required.Concat(terms.Optional).Distinct().ToDictionary(t => t, Postings, StringComparer.Ordinal);
        if (terms.Required.Any(t => postings[t].Count == 0))
        {
            return SearchResults.Empty;
        }

        IEnumerable<int> candidates = terms.Required.Count == 0
            ? Enumerable.Range(0, Documents)
            : terms.Required.Select(t => postings[t]).OrderBy(p => p.Count).First().Keys.Where(d => terms.Required.All(t => postings[t].ContainsKey(d)));
        var facets = Facets();
        foreach (var (key, values) in active)
        {
            var allowed = facets.DocsWithAny(key, values);
            candidates = candidates.Where(allowed.Contains);
        }

        var hits = new List<(int Id, double Score, long Rounded)>();
        foreach (var doc in candidates)
        {
            var score = Score(doc, terms, postings);
            hits.Add((doc, score, SearchRanking.Rounded(score)));
        }

        hits.Sort((a, b) => a.Rounded != b.Rounded ? b.Rounded.CompareTo(a.Rounded)
            : facets.Dates[a.Id] != facets.Dates[b.Id] ? facets.Dates[b.Id].CompareTo(facets.Dates[a.Id])
            : a.Id.CompareTo(b.Id));
        var ranked = hits.Select(h => (h.Id, h.Score, Doc: Doc(h.Id))).Select(h => new SearchHit(h.Id, h.Doc.GetProperty("u").GetString()!, h.Doc.GetProperty("t").GetString()!, h.Score)).ToList();
        return new SearchResults(ranked, facets.Counts(hits.Select(h => h.Id).ToHashSet()));
    }

    private double Score(int doc, QueryTerms terms, Dictionary<string, Dictionary<int, (int Weight, int First)>> postings)
    {
        var bm25 = 0.0;
        foreach (var term in terms.Required.Concat(terms.Optional.Where(o => !terms.Required.Contains(o))))
        {
            if (postings[term].TryGetValue(doc, out var posting))
            {
                bm25 += SearchRanking.TermScore(SearchRanking.Idf(Documents, postings[term].Count), posting.Weight);
            }
        }

        var r = terms.Required.Count;
        if (r < 2)
        {
            return bm25;
        }

        var firsts = terms.Required.Select(t => postings[t][doc].First).ToList();
        var span = firsts.Max() - firsts.Min();
        var proximity = (r - 1) / (double)Math.Max(r - 1, span);
        return bm25 * (1 + (SearchRanking.Phrase * proximity));
    }

    private Dictionary<int, (int Weight, int First)> Postings(string term)
    {
        var result = new Dictionary<int, (int, int)>();
        JsonElement list;
        if (_manifest.GetProperty("terms").TryGetProperty(term, out var file))
        {
            list = Records(Load($"{SearchIndexFile.Root}w/{file.GetString()}.json.gz")).GetProperty(term);
        }
        else
        {
            var count = _manifest.GetProperty("shards").GetInt32();
            var s = SearchIndexBuilder.Shard(term, count);
            var name = _manifest.GetProperty("shardFiles").GetString()!.Substring(s * 8, 8);
            if (name == "00000000")
            {
                return result;
            }

            if (!_shards.TryGetValue(s, out var shard))
            {
                shard = _shards[s] = Records(Load($"{SearchIndexFile.Root}t/{s}.{name}.json.gz"));
            }

            if (!shard.TryGetProperty(term, out list))
            {
                return result;
            }
        }

        // Columns: n doc deltas, n weights, n first positions.
        var numbers = list.EnumerateArray().Select(n => n.GetInt32()).ToArray();
        var n = numbers.Length / 3;
        var doc = 0;
        for (var i = 0; i < n; i++)
        {
            doc += numbers[i];
            result[doc] = (numbers[n + i], numbers[(2 * n) + i]);
        }

        return result;
    }

    /// <summary>Keeps the display records a shard or term file carries, as search.js does, so no chunk is loaded for them.</summary>
    private JsonElement Records(JsonElement file)
    {
        foreach (var record in file.GetProperty("#").EnumerateObject())
        {
            _records[int.Parse(record.Name, System.Globalization.CultureInfo.InvariantCulture)] = record.Value;
        }

        return file;
    }

    private JsonElement Doc(int id)
    {
        if (_records.TryGetValue(id, out var record))
        {
            return record;
        }

        var size = _manifest.GetProperty("chunkSize").GetInt32();
        var c = id / size;
        if (!_chunks.TryGetValue(c, out var chunk))
        {
            var name = _manifest.GetProperty("chunkFiles").GetString()!.Substring(c * 8, 8);
            chunk = _chunks[c] = Load($"{SearchIndexFile.Root}d/{c}.{name}.json.gz");
        }

        return chunk[id % size];
    }

    private SearchFacetsIndex Facets() =>
        _facets ??= new SearchFacetsIndex(Load(SearchIndexFile.Root + _manifest.GetProperty("facets").GetString()));

    private JsonElement Load(string sitePath)
    {
        Fetched.Add(sitePath);
        return JsonDocument.Parse(_read(sitePath)).RootElement;
    }
}
