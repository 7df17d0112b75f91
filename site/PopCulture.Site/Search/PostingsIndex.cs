namespace PopCulture.Site.Search;

/// <summary>
/// Every term's postings, grouped by shard: what the index files are written from. Gathering it walks every term of
/// every document; after that, an edited document changes it by the postings of its own terms (<see cref="Replace"/>),
/// so a builder that keeps it between builds (<see cref="SearchMemory"/>) remakes one page's files without the walk.
/// </summary>
internal sealed class PostingsIndex
{
    private readonly Dictionary<string, Postings>[] _shards;

    private PostingsIndex(Dictionary<string, Postings>[] shards) => _shards = shards;

    public int ShardCount => _shards.Length;

    /// <summary>The terms of one shard with their postings (a common term's included: it lives in its shard's dictionary too).</summary>
    public IReadOnlyDictionary<string, Postings> Shard(int shard) => _shards[shard];

    public Postings? Find(string term) => _shards[SearchIndexBuilder.Shard(term, _shards.Length)].GetValueOrDefault(term);

    /// <summary>
    /// Walks the documents in id order, so each list comes out sorted. Each worker owns the shards congruent to its
    /// number: workers share no dictionary.
    /// </summary>
    public static PostingsIndex Gather(IReadOnlyList<SearchDocument> documents, int shardCount, int maxDegreeOfParallelism)
    {
        var shards = new Dictionary<string, Postings>[shardCount];
        var workers = Math.Clamp(maxDegreeOfParallelism, 1, shardCount);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            for (var s = worker; s < shardCount; s += workers)
            {
                shards[s] = new Dictionary<string, Postings>(StringComparer.Ordinal);
            }

            for (var id = 0; id < documents.Count; id++)
            {
                var doc = documents[id];
                for (var t = 0; t < doc.Terms.Length; t++)
                {
                    var s = SearchIndexBuilder.Shard(doc.Terms[t], shardCount);
                    if (s % workers != worker)
                    {
                        continue;
                    }

                    if (!shards[s].TryGetValue(doc.Terms[t], out var postings))
                    {
                        shards[s][doc.Terms[t]] = postings = new Postings();
                    }

                    postings.Add(id, doc.Weights[t], doc.FirstPositions[t]);
                }
            }
        });

        return new PostingsIndex(shards);
    }

    /// <summary>Takes a document's previous analysis out of the postings and puts its new one in.</summary>
    public void Replace(int id, SearchDocument old, SearchDocument now)
    {
        foreach (var term in old.Terms)
        {
            var shard = _shards[SearchIndexBuilder.Shard(term, _shards.Length)];
            if (shard.TryGetValue(term, out var postings))
            {
                postings.Remove(id);
                if (postings.Count == 0)
                {
                    shard.Remove(term);
                }
            }
        }

        for (var t = 0; t < now.Terms.Length; t++)
        {
            var shard = _shards[SearchIndexBuilder.Shard(now.Terms[t], _shards.Length)];
            if (!shard.TryGetValue(now.Terms[t], out var postings))
            {
                shard[now.Terms[t]] = postings = new Postings();
            }

            postings.Put(id, now.Weights[t], now.FirstPositions[t]);
        }
    }
}
