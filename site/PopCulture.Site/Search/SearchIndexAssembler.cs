using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Search;

/// <summary>
/// Turns analysed documents into index files (docs/search-index.md). Given the previous build's file records and the
/// ids of the documents that changed, it remakes only the shards holding their old or new terms, the files carrying
/// their display records, and the chunks holding them, and keeps every other file as it is: one edited page costs a
/// fraction of a full index. A term with at least <c>recordPostings</c> postings carries its top result's display record.
/// </summary>
internal sealed class SearchIndexAssembler(SiteModel model, IReadOnlyList<ContentItem> documents, IReadOnlyList<SearchDocument> analysed, int commonPostings, int maxDegreeOfParallelism, int recordPostings = SearchIndexBuilder.RecordPostings)
{
    private readonly int[] _dates = [.. documents.Select(SearchFacetsFile.DateNumber)];
    private readonly Dictionary<string, string> _sections = model.Sections.ToDictionary(s => s.Name, s => s.Title, StringComparer.Ordinal);

    /// <summary>
    /// The files of the index: fresh ones with their JSON, kept ones as the previous build recorded them; and the
    /// postings they were written from, patched from the index given (<c>Patched</c>) or gathered afresh.
    /// </summary>
    public sealed record Result(List<SearchIndexFile> Fresh, Dictionary<string, SearchState.FileRecord> Kept, Dictionary<string, string> Slots, PostingsIndex Index, bool Patched);

    /// <param name="previous">The previous files by slot, or null for a full assembly.</param>
    /// <param name="changed">
    /// The ids whose page or source changed, with their previous analysis (<see cref="SearchDocument.None"/> for a new id;
    /// an id past the documents is gone); null for a full assembly.
    /// </param>
    /// <param name="redated">Those of them whose date changed: the date breaks ties, so any of their terms' top results may change.</param>
    /// <param name="index">
    /// The previous build's postings (<see cref="Result.Index"/>), patched in place with the changed documents; null to
    /// gather them from every document. Ignored for a full assembly.
    /// </param>
    /// <param name="recounted">Whether the number of documents changed (ids new or gone are in <paramref name="changed"/>).</param>
    public Result Assemble(
        IReadOnlyDictionary<string, SearchState.FileRecord>? previous,
        IReadOnlyDictionary<int, SearchDocument>? changed,
        IReadOnlySet<int>? redated = null,
        PostingsIndex? index = null,
        bool recounted = false)
    {
        var shardCount = SearchIndexBuilder.ShardCount(documents.Count);
        var remake = new bool[shardCount];
        var remakeChunk = new bool[(documents.Count + SearchIndexBuilder.ChunkSize - 1) / SearchIndexBuilder.ChunkSize];
        var alone = new HashSet<string>(StringComparer.Ordinal); // common terms remade without their shard
        if (previous is null || changed is null)
        {
            Array.Fill(remake, true);
            Array.Fill(remakeChunk, true);
        }
        else
        {
            void Remake(string term)
            {
                if (previous.ContainsKey("w/" + term))
                {
                    alone.Add(term);
                }
                else
                {
                    remake[SearchIndexBuilder.Shard(term, shardCount)] = true;
                }
            }

            foreach (var (id, old) in changed)
            {
                var now = Analysis(id);
                var affected = redated?.Contains(id) == true ? old.Terms.Concat(now.Terms) : ChangedTerms(old, now);
                foreach (var term in affected)
                {
                    Remake(term);
                }

                if (id / SearchIndexBuilder.ChunkSize < remakeChunk.Length)
                {
                    remakeChunk[id / SearchIndexBuilder.ChunkSize] = true; // else the chunk is gone with the id
                }
            }

            // A file carrying a changed document's record carries its old title, snippet or date. Only shards (t/) and
            // term files (w/) carry records.
            foreach (var (slot, _) in previous.Where(f => f.Value.Docs.Any(changed.ContainsKey)))
            {
                if (slot.StartsWith("w/", StringComparison.Ordinal))
                {
                    alone.Add(slot[2..]);
                }
                else
                {
                    remake[Number(slot)] = true;
                }
            }
        }

        // The previous build's postings, patched with the changed documents, or gathered afresh from every document.
        var postings = index;
        if (postings is not null && changed is not null && postings.ShardCount == shardCount)
        {
            foreach (var (id, old) in changed)
            {
                postings.Replace(id, old, Analysis(id));
            }
        }
        else
        {
            postings = PostingsIndex.Gather(analysed, shardCount, maxDegreeOfParallelism);
        }

        if (recounted && previous is not null)
        {
            Retop(previous, postings, remake, alone);
        }

        // A common term that fell below the threshold moves back into its shard: remake that shard as well.
        foreach (var term in alone.Where(t => (postings.Find(t)?.Count ?? 0) < commonPostings))
        {
            remake[SearchIndexBuilder.Shard(term, shardCount)] = true;
        }

        alone.RemoveWhere(t => remake[SearchIndexBuilder.Shard(t, shardCount)]);
        var terms = Files(postings, remake, alone);
        var fresh = new List<SearchIndexFile>(terms);
        var kept = new Dictionary<string, SearchState.FileRecord>(StringComparer.Ordinal);
        foreach (var (slot, record) in previous ?? new Dictionary<string, SearchState.FileRecord>())
        {
            if (Keeps(slot, shardCount, remake, remakeChunk, alone))
            {
                kept[slot] = record;
            }
        }

        for (var c = 0; c < remakeChunk.Length; c++)
        {
            if (remakeChunk[c])
            {
                fresh.Add(SearchIndexJson.Named($"d/{c}", $"d/{c}", SearchIndexJson.Chunk(model, _sections, documents, c * SearchIndexBuilder.ChunkSize)));
            }
        }

        fresh.Add(SearchIndexJson.Named("facets", "facets", SearchFacetsFile.Write(model, documents)));
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in fresh)
        {
            slots[file.Slot] = file.SitePath;
        }

        foreach (var (slot, record) in kept)
        {
            slots[slot] = record.SitePath;
        }

        fresh.Add(SearchIndexJson.Manifest(documents.Count, shardCount, slots));
        return new Result(fresh, kept, slots, postings, ReferenceEquals(postings, index));
    }

    /// <summary>
    /// The terms whose posting for this doc differs: added, removed, or with another weight or first position. An
    /// edit usually leaves most weights as they were (they are kept to two digits), so most shards stay untouched.
    /// </summary>
    private static IEnumerable<string> ChangedTerms(SearchDocument old, SearchDocument now)
    {
        var before = new Dictionary<string, (int, int)>(old.Terms.Length, StringComparer.Ordinal);
        for (var t = 0; t < old.Terms.Length; t++)
        {
            before[old.Terms[t]] = (old.Weights[t], old.FirstPositions[t]);
        }

        for (var t = 0; t < now.Terms.Length; t++)
        {
            if (!before.Remove(now.Terms[t], out var posting) || posting != (now.Weights[t], now.FirstPositions[t]))
            {
                yield return now.Terms[t];
            }
        }

        foreach (var removed in before.Keys)
        {
            yield return removed;
        }
    }

    private SearchDocument Analysis(int id) => id < analysed.Count ? analysed[id] : SearchDocument.None;

    /// <summary>
    /// A new document count changes every term's idf, and with it, where rounding ties two scores, a term's top result:
    /// remakes the kept files whose top results are no longer the ones they carry.
    /// </summary>
    private void Retop(IReadOnlyDictionary<string, SearchState.FileRecord> previous, PostingsIndex postings, bool[] remake, HashSet<string> alone)
    {
        foreach (var (slot, record) in previous)
        {
            if (slot.StartsWith("t/", StringComparison.Ordinal))
            {
                var shard = Number(slot);
                if (!remake[shard] && !Tops(postings.Shard(shard).Values.Where(p => p.Count >= recordPostings && p.Count < commonPostings)).SequenceEqual(record.Docs))
                {
                    remake[shard] = true;
                }
            }
            else if (slot.StartsWith("w/", StringComparison.Ordinal) && postings.Find(slot[2..]) is var found
                && (found is null || !Tops([found]).SequenceEqual(record.Docs)))
            {
                alone.Add(slot[2..]);
            }
        }
    }

    /// <summary>The shard or chunk number of a <c>t/12</c> or <c>d/3</c> slot.</summary>
    private static int Number(string slot) => int.Parse(slot.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);

    private static bool Keeps(string slot, int shardCount, bool[] remake, bool[] remakeChunk, HashSet<string> alone) => slot switch
    {
        _ when slot.StartsWith("t/", StringComparison.Ordinal) => !remake[Number(slot)],
        _ when slot.StartsWith("w/", StringComparison.Ordinal) => !remake[SearchIndexBuilder.Shard(slot[2..], shardCount)] && !alone.Contains(slot[2..]),
        _ when slot.StartsWith("d/", StringComparison.Ordinal) => Number(slot) < remakeChunk.Length && !remakeChunk[Number(slot)],
        _ => false, // the facets file and the manifest are always made again: they are small
    };

    /// <summary>The remade shards, each with its common terms' files, and the files of common terms remade alone.</summary>
    private List<SearchIndexFile> Files(PostingsIndex index, bool[] remake, HashSet<string> alone)
    {
        var shards = Enumerable.Range(0, remake.Length).Where(s => remake[s]).ToList();
        var terms = alone.ToList(); // one work item each: an edit may remake a hundred large term files
        var made = new List<SearchIndexFile>[shards.Count + terms.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism) };
        Parallel.For(0, made.Length, parallel, i =>
        {
            if (i >= shards.Count)
            {
                made[i] = [TermFile(terms[i - shards.Count], index.Find(terms[i - shards.Count])!)];
                return;
            }

            var files = new List<SearchIndexFile>();
            var rare = new List<KeyValuePair<string, Postings>>();
            foreach (var entry in index.Shard(shards[i]))
            {
                if (entry.Value.Count >= commonPostings)
                {
                    files.Add(TermFile(entry.Key, entry.Value));
                }
                else
                {
                    rare.Add(entry);
                }
            }

            if (rare.Count > 0)
            {
                var tops = Tops(rare.Where(e => e.Value.Count >= recordPostings).Select(e => e.Value));
                files.Add(SearchIndexJson.Named($"t/{shards[i]}", $"t/{shards[i]}", SearchIndexJson.Shard(rare, Records(tops))) with { Docs = tops });
            }

            made[i] = files;
        });

        return [.. made.SelectMany(f => f)];
    }

    private SearchIndexFile TermFile(string term, Postings postings)
    {
        var tops = Tops([postings]);
        return SearchIndexJson.Named("w/" + term, "w/" + SearchIndexJson.TermFileStem(term), SearchIndexJson.TermFile(term, postings, Records(tops))) with { Docs = tops };
    }

    /// <summary>The distinct top results of the terms, ascending: what a one-word query shows first, as search.js ranks it.</summary>
    private int[] Tops(IEnumerable<Postings> terms) =>
        [.. terms.Select(p => p.Top(SearchRanking.Idf(documents.Count, p.Count), _dates)).Distinct().Order()];

    private Action<System.Text.Json.Utf8JsonWriter> Records(int[] ids) => json =>
    {
        foreach (var id in ids)
        {
            json.WritePropertyName(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            SearchIndexJson.Record(json, model, _sections, documents[id]);
        }
    };
}
