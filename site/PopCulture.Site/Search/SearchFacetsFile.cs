using System.Text.Json;
using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Search;

/// <summary>Writes the facets file: every document's date (the recency tie-breaker) and, per facet value, its documents.</summary>
internal static class SearchFacetsFile
{
    public static byte[] Write(SiteModel model, IReadOnlyList<ContentItem> documents)
    {
        var facets = SearchFacets.Order.ToDictionary(k => k, _ => new Dictionary<string, List<int>>(StringComparer.Ordinal), StringComparer.Ordinal);
        for (var id = 0; id < documents.Count; id++)
        {
            foreach (var (key, value) in SearchFacets.Of(model, documents[id]))
            {
                if (value.Length > 0)
                {
                    var docs = facets[key].TryGetValue(value, out var list) ? list : facets[key][value] = [];
                    if (docs.Count == 0 || docs[^1] != id)
                    {
                        docs.Add(id);
                    }
                }
            }
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, SearchIndexJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("dates");
            foreach (var item in documents)
            {
                json.WriteNumberValue(DateNumber(item));
            }

            json.WriteEndArray();
            json.WriteStartObject("labels");
            json.WriteStartObject("section");
            foreach (var section in model.Sections)
            {
                json.WriteString(section.Name, section.Title);
            }

            json.WriteEndObject();
            json.WriteStartObject("type");
            foreach (var (type, label) in SearchFacets.TypeLabels)
            {
                json.WriteString(type, label);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("facets");
            foreach (var key in SearchFacets.Order)
            {
                var values = facets[key].OrderByDescending(v => v.Value.Count).ThenBy(v => v.Key, StringComparer.Ordinal).ToList();
                json.WriteStartObject(key);
                json.WriteStartArray("values");
                values.ForEach(v => json.WriteStringValue(v.Key));
                json.WriteEndArray();
                json.WriteStartArray("docs");
                foreach (var (_, docs) in values)
                {
                    json.WriteStartArray();
                    var previous = 0;
                    foreach (var id in docs)
                    {
                        json.WriteNumberValue(id - previous);
                        previous = id;
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>yyyymmdd of the item's date, 0 if it has none: newer is larger.</summary>
    public static int DateNumber(ContentItem item) => item.Date is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : 0;
}
