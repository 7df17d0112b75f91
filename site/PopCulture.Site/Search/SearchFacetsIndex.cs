using System.Text.Json;

namespace PopCulture.Site.Search;

/// <summary>The facets file, read: each doc's date and each facet value's docs.</summary>
internal sealed class SearchFacetsIndex
{
    private readonly Dictionary<string, List<(string Value, HashSet<int> Docs)>> _facets = new(StringComparer.Ordinal);

    public SearchFacetsIndex(JsonElement root)
    {
        Dates = [.. root.GetProperty("dates").EnumerateArray().Select(d => d.GetInt32())];
        foreach (var facet in root.GetProperty("facets").EnumerateObject())
        {
            var values = facet.Value.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToList();
            var docs = facet.Value.GetProperty("docs").EnumerateArray().ToList();
            _facets[facet.Name] = [.. values.Select((v, i) => (v, Undelta(docs[i])))];
        }
    }

    public int[] Dates { get; }

    public HashSet<int> DocsWithAny(string key, IEnumerable<string> values)
    {
        var docs = new HashSet<int>();
        var wanted = values.ToHashSet(StringComparer.Ordinal);
        foreach (var (value, ids) in _facets.GetValueOrDefault(key) ?? [])
        {
            if (wanted.Contains(value))
            {
                docs.UnionWith(ids);
            }
        }

        return docs;
    }

    public Dictionary<string, IReadOnlyList<KeyValuePair<string, int>>> Counts(HashSet<int> hits) =>
        _facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<KeyValuePair<string, int>>)[.. f.Value
                .Select(v => new KeyValuePair<string, int>(v.Value, v.Docs.Count(hits.Contains)))
                .Where(v => v.Value > 0)
                .OrderByDescending(v => v.Value)
                .ThenBy(v => v.Key, StringComparer.Ordinal)],
            StringComparer.Ordinal);

    private static HashSet<int> Undelta(JsonElement list)
    {
        var ids = new HashSet<int>();
        var id = 0;
        foreach (var n in list.EnumerateArray())
        {
            id += n.GetInt32();
            ids.Add(id);
        }

        return ids;
    }
}
