namespace PopCulture.Site.Search;

/// <summary>One term's postings while an index is assembled: doc ids ascending, with each doc's weight and first position.</summary>
internal sealed class Postings
{
    private readonly List<int> _docs = [];
    private readonly List<int> _weights = [];
    private readonly List<int> _firsts = [];

    public int Count => _docs.Count;

    public void Add(int doc, int weight, int first)
    {
        _docs.Add(doc);
        _weights.Add(weight);
        _firsts.Add(first);
    }

    /// <summary>
    /// The doc a query of this term alone ranks first (docs/search-index.md): the highest rounded score, then the
    /// newest, then the lowest id. Within one term the score grows with the weight, but rounding may tie close weights.
    /// </summary>
    public int Top(double idf, IReadOnlyList<int> dates)
    {
        var best = 0;
        var bestScore = long.MinValue;
        for (var i = 0; i < _docs.Count; i++)
        {
            var score = SearchRanking.Rounded(SearchRanking.TermScore(idf, _weights[i]));
            if (score > bestScore || (score == bestScore && dates[_docs[i]] > dates[_docs[best]]))
            {
                (best, bestScore) = (i, score);
            }
        }

        return _docs[best];
    }

    /// <summary>
    /// Columns rather than rows (docs/search-index.md): doc deltas, then weights, then first positions. Like numbers sit
    /// together, so gzip packs a common term's list into less than half the bytes.
    /// </summary>
    public void Write(System.Text.Json.Utf8JsonWriter json)
    {
        var previous = 0;
        foreach (var doc in _docs)
        {
            json.WriteNumberValue(doc - previous);
            previous = doc;
        }

        _weights.ForEach(json.WriteNumberValue);
        _firsts.ForEach(json.WriteNumberValue);
    }
}
