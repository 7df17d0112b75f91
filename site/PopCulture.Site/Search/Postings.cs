namespace PopCulture.Site.Search;

/// <summary>One term's postings while an index is assembled: doc ids ascending, with each doc's weight and first position.</summary>
internal sealed class Postings
{
    private readonly List<int> _docs = [];
    private readonly List<int> _weights = [];
    private readonly List<int> _firsts = [];

    public int Count => _docs.Count;

    /// <summary>Appends a posting: the caller walks documents in id order.</summary>
    public void Add(int doc, int weight, int first)
    {
        _docs.Add(doc);
        _weights.Add(weight);
        _firsts.Add(first);
    }

    /// <summary>Sets a doc's posting, in id order: an edited document's new weight and first position.</summary>
    public void Put(int doc, int weight, int first)
    {
        var at = _docs.BinarySearch(doc);
        if (at >= 0)
        {
            (_weights[at], _firsts[at]) = (weight, first);
            return;
        }

        _docs.Insert(~at, doc);
        _weights.Insert(~at, weight);
        _firsts.Insert(~at, first);
    }

    /// <summary>Drops a doc's posting, if it has one.</summary>
    public void Remove(int doc)
    {
        var at = _docs.BinarySearch(doc);
        if (at >= 0)
        {
            _docs.RemoveAt(at);
            _weights.RemoveAt(at);
            _firsts.RemoveAt(at);
        }
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
    /// The postings as one JSON array, in columns rather than rows (docs/search-index.md): doc deltas, then weights, then
    /// first positions. Like numbers sit together, so gzip packs a common term's list into less than half the bytes.
    /// Formatted here, not number by number through the writer: a common term's list holds thousands.
    /// </summary>
    public void Write(System.Text.Json.Utf8JsonWriter json)
    {
        // At most 10 digits and a comma per number, and the brackets.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((_docs.Count * 3 * 11) + 2);
        try
        {
            var at = 0;
            buffer[at++] = (byte)'[';
            var previous = 0;
            foreach (var doc in _docs)
            {
                at += Number(buffer.AsSpan(at), doc - previous);
                previous = doc;
            }

            foreach (var weight in _weights)
            {
                at += Number(buffer.AsSpan(at), weight);
            }

            foreach (var first in _firsts)
            {
                at += Number(buffer.AsSpan(at), first);
            }

            buffer[at - 1] = (byte)']'; // in place of the last comma; a term always has a posting
            json.WriteRawValue(buffer.AsSpan(0, at), skipInputValidation: true);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes a number and a comma, returning the bytes written.</summary>
    private static int Number(Span<byte> into, int value)
    {
        System.Buffers.Text.Utf8Formatter.TryFormat(value, into, out var written);
        into[written] = (byte)',';
        return written + 1;
    }
}
