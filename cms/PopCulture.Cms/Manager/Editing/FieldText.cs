using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Manager.Editing;

/// <summary>
/// One field's value between its control's text and its front-matter JSON: numbers stay numbers, flags flags, lists
/// lists; text that does not parse stays text, so the content parser reports it by name.
/// </summary>
internal static class FieldText
{
    private static readonly char[] TermSeparators = [',', '，', '、', ';', '；'];

    /// <summary>The JSON of a control's text; null for an empty control, which leaves the key out.</summary>
    public static JsonNode? ToJson(FormField field, string text)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            return null;
        }

        return field.Kind switch
        {
            FieldKind.Check => value == "true" ? JsonValue.Create(true) : null,
            FieldKind.Terms or FieldKind.Lines => Split(field.Kind, value) is { Count: > 0 } items ? new JsonArray([.. items.Select(t => JsonValue.Create(t))]) : null,
            // Several option numbers make a multiple-choice answer, a list in front matter.
            FieldKind.WholeNumber when field.OneBased && value.IndexOfAny(TermSeparators) >= 0 && OneBasedList(value) is { } list => list,
            FieldKind.WholeNumber when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) =>
                JsonValue.Create(field.OneBased ? whole - 1 : whole),
            FieldKind.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) =>
                JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(value),
        };
    }

    private static JsonArray? OneBasedList(string value)
    {
        var numbers = new JsonArray();
        foreach (var part in Split(FieldKind.Terms, value))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            numbers.Add(JsonValue.Create(number - 1));
        }

        return numbers;
    }

    private static List<string> Split(FieldKind kind, string value) =>
        [.. (kind == FieldKind.Lines ? value.Split('\n') : value.Split(TermSeparators)).Select(t => t.Trim()).Where(t => t.Length > 0)];

    /// <summary>A stored value as its control shows it.</summary>
    public static string FromJson(JsonNode? node, FormField field)
    {
        switch (node)
        {
            case null:
                return "";
            case JsonArray items when field.OneBased:
                return string.Join("，", items.Select(i => i is JsonValue v && v.TryGetValue<long>(out var n) ? (n + 1).ToString(CultureInfo.InvariantCulture) : i?.ToJsonString() ?? ""));
            case JsonArray items:
                var texts = items.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : i?.ToJsonString() ?? "");
                return string.Join(field.Kind == FieldKind.Terms ? "，" : "\n", texts);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValue value when field.OneBased && value.TryGetValue<long>(out var index):
                return (index + 1).ToString(CultureInfo.InvariantCulture);
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return value.GetValueKind() == JsonValueKind.True ? "true" : "";
            default:
                return node.ToJsonString();
        }
    }
}
