using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PopCulture.Cms.Search;

/// <summary>Counts the facet values of every matching document, from the facet fields' doc values.</summary>
internal sealed class FacetCollector : ICollector
{
    private readonly string[] _names;
    private readonly SortedSetDocValues?[] _current;
    private readonly Dictionary<long, int>[] _ordinals;
    private readonly List<(SortedSetDocValues Values, Dictionary<long, int> Counts)>[] _segments;

    public FacetCollector(IReadOnlyList<string> names)
    {
        _names = [.. names];
        _current = new SortedSetDocValues?[_names.Length];
        _ordinals = new Dictionary<long, int>[_names.Length];
        _segments = [.. _names.Select(_ => new List<(SortedSetDocValues, Dictionary<long, int>)>())];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var i = 0; i < _names.Length; i++)
        {
            _current[i] = context.AtomicReader.GetSortedSetDocValues(SearchFields.Facet(_names[i]));
            _ordinals[i] = [];
            if (_current[i] is { } values)
            {
                _segments[i].Add((values, _ordinals[i]));
            }
        }
    }

    // Counting per segment ordinal, and turning ordinals into strings once at the end, keeps Collect allocation-free.
    public void Collect(int doc)
    {
        for (var i = 0; i < _current.Length; i++)
        {
            if (_current[i] is not { } values)
            {
                continue;
            }

            values.SetDocument(doc);
            long ordinal;
            while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _ordinals[i][ordinal] = _ordinals[i].GetValueOrDefault(ordinal) + 1;
            }
        }
    }

    /// <summary>Each facet's values with their counts, most frequent first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Content.TermCount>> Counts()
    {
        var result = new Dictionary<string, IReadOnlyList<Content.TermCount>>(StringComparer.Ordinal);
        var scratch = new BytesRef();
        for (var i = 0; i < _names.Length; i++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (values, ordinals) in _segments[i])
            {
                foreach (var (ordinal, count) in ordinals)
                {
                    values.LookupOrd(ordinal, scratch);
                    var value = scratch.Utf8ToString();
                    counts[value] = counts.GetValueOrDefault(value) + count;
                }
            }

            result[_names[i]] = [.. counts.Select(c => new Content.TermCount(c.Key, c.Value))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];
        }

        return result;
    }
}
