using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>How content is written as JSON by the APIs: Chinese kept readable, typed fields in snake_case like front matter.</summary>
public static class ContentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions FieldOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The typed fields of an item as a JSON object with the front-matter key names.</summary>
    public static JsonNode? Fields(ItemFields? fields) =>
        fields is null ? null : JsonSerializer.SerializeToNode(fields, fields.GetType(), FieldOptions);

    public static JsonNode? Extra(IReadOnlyDictionary<string, object?> extra) =>
        extra.Count == 0 ? null : JsonSerializer.SerializeToNode(extra, FieldOptions);
}
