using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PopCulture.Site.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PopCulture.Cms.Content;

/// <summary>
/// Front matter as the CMS stores it (a JSON object) and as files carry it (YAML): conversions in both directions
/// that keep every key, its order and its type, so import followed by export gives back the same data.
/// </summary>
public static class FrontMatterJson
{
    private const int MaxDepth = 16;

    /// <summary>YAML front matter as a JSON object, with YAML's plain scalars typed (numbers, booleans, null).</summary>
    public static JsonObject FromYaml(YamlMappingNode mapping) => (JsonObject)FromPlain(YamlValues.ToPlain(mapping))!;

    private static JsonNode? FromPlain(object? value) =>
        value switch
        {
            null => null,
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            long integer => JsonValue.Create(integer),
            // Parsed from text so 31.0 stays 31.0 in the stored JSON; JsonValue.Create(31.0) would write 31, an integer.
            double number when double.IsFinite(number) => JsonNode.Parse(DoubleText(number)),
            double number => JsonValue.Create(number),
            List<object?> list => new JsonArray([.. list.Select(FromPlain)]),
            Dictionary<string, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key, FromPlain(kv.Value)))),
            _ => JsonValue.Create(value.ToString()),
        };

    /// <summary>A JSON object as the YAML nodes the content parser reads; strings stay strings whatever they look like.</summary>
    public static YamlMappingNode ToYaml(JsonObject json) => (YamlMappingNode)ToYaml(json, 0);

    private static YamlNode ToYaml(JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonException($"front matter is nested deeper than {MaxDepth} levels");
        }

        switch (node)
        {
            case null:
                return new YamlScalarNode("null") { Style = ScalarStyle.Plain };
            case JsonObject map:
                var mapping = new YamlMappingNode();
                foreach (var (key, value) in map)
                {
                    mapping.Add(new YamlScalarNode(key), ToYaml(value, depth + 1));
                }

                return mapping;
            case JsonArray array:
                return new YamlSequenceNode(array.Select(item => ToYaml(item, depth + 1)));
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return new YamlScalarNode(value.GetValue<string>()) { Style = ScalarStyle.DoubleQuoted };
            case JsonValue value:
                return new YamlScalarNode(value.ToJsonString()) { Style = ScalarStyle.Plain };
            default:
                throw new JsonException("unsupported JSON value in front matter");
        }
    }

    /// <summary>Writes front matter as YAML text for a content file: block style, strings quoted only when they must be.</summary>
    public static string ToYamlText(JsonObject json)
    {
        var builder = new StringBuilder();
        WriteMapping(builder, json, 0);
        return builder.ToString();
    }

    private static void WriteMapping(StringBuilder builder, JsonObject map, int indent)
    {
        foreach (var (key, value) in map)
        {
            builder.Append(' ', indent).Append(Scalar(key)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    private static void WriteValue(StringBuilder builder, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case JsonObject child:
                builder.Append('\n');
                WriteMapping(builder, child, indent + 2);
                break;
            case JsonArray { Count: 0 }:
                builder.Append(" []\n");
                break;
            case JsonArray list when list.All(v => v is JsonValue):
                builder.Append(" [").AppendJoin(", ", list.Select(v => Value(v))).Append("]\n");
                break;
            case JsonArray list:
                builder.Append('\n');
                foreach (var item in list)
                {
                    builder.Append(' ', indent + 2).Append('-');
                    if (item is JsonObject entry && entry.Count > 0)
                    {
                        // "- key: value" with the rest of the mapping aligned under the first key.
                        var first = true;
                        foreach (var (key, inner) in entry)
                        {
                            builder.Append(' ', first ? 1 : indent + 4).Append(Scalar(key)).Append(':');
                            WriteValue(builder, inner, indent + 4);
                            first = false;
                        }
                    }
                    else
                    {
                        WriteValue(builder, item, indent + 2);
                    }
                }

                break;
            case JsonValue when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Contains('\n', StringComparison.Ordinal):
                var text = value.GetValue<string>();
                builder.Append(text.EndsWith('\n') ? " |\n" : " |-\n");
                foreach (var line in text.TrimEnd('\n').Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        builder.Append(' ', indent + 2).Append(line);
                    }

                    builder.Append('\n');
                }

                break;
            default:
                builder.Append(' ').Append(Value(value)).Append('\n');
                break;
        }
    }

    private static string Value(JsonNode? value) =>
        value switch
        {
            null => "null",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => Scalar(v.GetValue<string>()),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => DoubleText(v.GetValue<double>()),
            JsonValue v => v.ToJsonString(),
            _ => throw new JsonException("nested value where a scalar was expected"),
        };

    /// <summary>A double as YAML and JSON text that reads back as a double: <c>31.0</c>, never <c>31</c>, which is an integer.</summary>
    private static string DoubleText(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) || !double.IsFinite(number) ? text : text + ".0";
    }

    /// <summary>A string as a YAML scalar: plain when YAML would read it back as the same string, double-quoted otherwise.</summary>
    internal static string Scalar(string text)
    {
        var plain = new YamlScalarNode(text) { Style = ScalarStyle.Plain };
        if (text.Length > 0 && IsPlainSafe(text) && YamlValues.ToPlain(plain) is string same && same == text)
        {
            return text;
        }

        return JsonSerializer.Serialize(text, Options);
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool IsPlainSafe(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal))
        {
            return false;
        }

        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal)
            && !text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\t', StringComparison.Ordinal)
            && !text.EndsWith(':') && text is not ("~" or "null" or "Null" or "NULL" or "true" or "false" or "True" or "False" or "yes" or "no" or "on" or "off")
            && !text.Contains(',', StringComparison.Ordinal) && !text.Contains('[', StringComparison.Ordinal) && !text.Contains(']', StringComparison.Ordinal)
            && !text.Contains('{', StringComparison.Ordinal) && !text.Contains('}', StringComparison.Ordinal);
    }
}
