using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Manager.Editing;

/// <summary>
/// The form's values as the editor sees them, by field key (<c>title</c>, <c>coordinates.lat</c>,
/// <c>exhibits[0].name</c>, <c>objectives[2]</c>): read from stored front matter or from a posted form, and turned back
/// into front matter for the store. Kept as typed so a refused save shows exactly what was entered.
/// </summary>
public sealed class EntryFormValues
{
    /// <summary>Rows a repeated field may have; more posted rows are ignored, so a forged form cannot grow without end.</summary>
    public const int MaxRows = 100;

        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);

    public EntryFormValues(IReadOnlyList<FormField> fields) => Fields = fields;

    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>The value shown in the control named <paramref name="key"/>; empty when none.</summary>
    public string this[string key] => _values.GetValueOrDefault(key, "");

    /// <summary>How many rows a repeated field shows: at least one, so there is always a row to fill.</summary>
    public int Rows(FormField field) => Math.Max(1, _rows.GetValueOrDefault(field.Key));

    public static string RowKey(FormField field, int row, FormField? part = null) =>
        part is null ? $"{field.Key}[{row}]" : $"{field.Key}[{row}].{part.Key}";

    /// <summary>The values of stored front matter.</summary>
    public static EntryFormValues FromFrontMatter(IReadOnlyList<FormField> fields, JsonObject frontMatter)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(frontMatter);
        var values = new EntryFormValues(fields);
        foreach (var field in fields)
        {
            var node = Find(frontMatter, field.Key);
            if (field.Repeats)
            {
                var rows = node as JsonArray ?? [];
                var count = Math.Min(rows.Count, MaxRows);
                values._rows[field.Key] = count;
                for (var i = 0; i < count; i++)
                {
                    if (field.Kind == FieldKind.List)
                    {
                        values._values[RowKey(field, i)] = FieldText.FromJson(rows[i], field);
                        continue;
                    }

                    foreach (var part in field.Parts ?? [])
                    {
                        values._values[RowKey(field, i, part)] = FieldText.FromJson((rows[i] as JsonObject)?[part.Key], part);
                    }
                }
            }
            else
            {
                values._values[field.Key] = FieldText.FromJson(node, field);
            }
        }

        return values;
    }

    /// <summary>
    /// The values of a posted form, where each control is named <c>fm.</c> and its key. Rows are renumbered in the order
    /// posted and rows left wholly empty are dropped, so the rows shown again match the rows the store checked.
    /// </summary>
    public static EntryFormValues FromForm(IReadOnlyList<FormField> fields, IFormCollection form, bool keepEmptyRows = false)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(form);
        var values = new EntryFormValues(fields);
        foreach (var field in fields)
        {
            if (!field.Repeats)
            {
                values._values[field.Key] = Posted(form, field.Key);
                continue;
            }

            var prefix = $"fm.{field.Key}[";
            var indices = form.Keys
                .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                .Select(k => k[prefix.Length..k.IndexOf(']', StringComparison.Ordinal)])
                .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
                .Where(i => i >= 0).Distinct().Order().Take(MaxRows).ToList();
            var row = 0;
            foreach (var index in indices)
            {
                var parts = field.Kind == FieldKind.List
                    ? [(Key: RowKey(field, row), Value: Posted(form, $"{field.Key}[{index}]"))]
                    : (field.Parts ?? []).Select(p => (Key: RowKey(field, row, p), Value: Posted(form, $"{field.Key}[{index}].{p.Key}"))).ToList();
                if (!keepEmptyRows && parts.All(p => p.Value.Length == 0))
                {
                    continue;
                }

                foreach (var (key, value) in parts)
                {
                    values._values[key] = value;
                }

                row++;
            }

            values._rows[field.Key] = row;
        }

        return values;
    }

    /// <summary>One more (blank) row for the repeated field <paramref name="key"/>: the form's "add a row" button.</summary>
    public void AddRow(string key)
    {
        if (Fields.FirstOrDefault(f => f.Repeats && f.Key == key) is { } field)
        {
            _rows[key] = Math.Min(MaxRows, Rows(field) + 1);
        }
    }

    /// <summary>Removes row <paramref name="row"/> of <paramref name="key"/>, moving the later rows up.</summary>
    public void RemoveRow(string key, int row)
    {
        if (Fields.FirstOrDefault(f => f.Repeats && f.Key == key) is not { } field || row < 0 || row >= _rows.GetValueOrDefault(key))
        {
            return;
        }

        var count = _rows[key];
        IReadOnlyList<FormField?> parts = field.Kind == FieldKind.List ? [null] : [.. field.Parts ?? []];
        for (var i = row; i < count; i++)
        {
            foreach (var part in parts)
            {
                var next = RowKey(field, i + 1, part);
                _values[RowKey(field, i, part)] = _values.GetValueOrDefault(next, "");
                _values.Remove(next);
            }
        }

        _rows[key] = count - 1;
    }

    /// <summary>
    /// <paramref name="stored"/> with the form's fields replaced by these values, every other key kept. Empty fields are
    /// left out, so the parser reports a required one as missing; numbers that do not parse stay text for it to report.
    /// </summary>
    public JsonObject ToFrontMatter(string type, JsonObject? stored)
    {
        var result = stored?.DeepClone() as JsonObject ?? [];
        result["type"] = type;
        foreach (var root in Fields.Select(f => f.RootKey).Distinct(StringComparer.Ordinal))
        {
            result.Remove(root);
        }

        foreach (var field in Fields)
        {
            var node = field.Repeats ? Rows(field, field.Kind == FieldKind.List) : FieldText.ToJson(field, this[field.Key]);
            if (node is null)
            {
                continue;
            }

            var target = result;
            var path = field.Key.Split('.');
            foreach (var step in path[..^1])
            {
                if (target[step] is not JsonObject child)
                {
                    target[step] = child = [];
                }

                target = child;
            }

            target[path[^1]] = node;
        }

        return result;
    }

    private JsonArray? Rows(FormField field, bool list)
    {
        var rows = new JsonArray();
        for (var i = 0; i < _rows.GetValueOrDefault(field.Key); i++)
        {
            if (list)
            {
                if (FieldText.ToJson(field with { Kind = FieldKind.Text }, this[RowKey(field, i)]) is { } item)
                {
                    rows.Add(item);
                }

                continue;
            }

            var row = new JsonObject();
            foreach (var part in field.Parts ?? [])
            {
                if (FieldText.ToJson(part, this[RowKey(field, i, part)]) is { } value)
                {
                    row[part.Key] = value;
                }
            }

            if (row.Count > 0)
            {
                rows.Add(row);
            }
        }

        return rows.Count == 0 ? null : rows;
    }

    private static JsonNode? Find(JsonObject frontMatter, string key)
    {
        JsonNode? node = frontMatter;
        foreach (var step in key.Split('.'))
        {
            node = (node as JsonObject)?[step];
        }

        return node;
    }

    // Browsers send a textarea's line breaks as CRLF; content is stored with LF.
    private static string Posted(IFormCollection form, string key) => form["fm." + key].ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
}
