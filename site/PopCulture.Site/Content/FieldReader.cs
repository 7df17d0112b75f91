using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PopCulture.Site.Content;

/// <summary>
/// Reads typed values out of a YAML mapping, reporting every problem as <c>path:line: message</c>
/// and remembering which keys were used so the rest can be kept as extra fields.
/// </summary>
public sealed class FieldReader
{
    private readonly YamlMappingNode _mapping;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _prefix;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public FieldReader(YamlMappingNode mapping, string path, int firstLine, DiagnosticBag diagnostics, string prefix = "")
    {
        _mapping = mapping;
        _path = path;
        _lineOffset = firstLine - 1;
        _diagnostics = diagnostics;
        _prefix = prefix;
    }

    /// <summary>The file line of the mapping itself.</summary>
    public int Line => LineOf(_mapping);

    public int LineOf(YamlNode node) => (int)node.Start.Line + _lineOffset;

    /// <summary>The file line of <paramref name="key"/>, or of the mapping if the key is absent.</summary>
    public int LineOfKey(string key) => Find(key) is { } pair ? LineOf(pair.Key) : Line;

    public bool Has(string key) => Find(key) is not null;

    /// <summary>True when <paramref name="key"/> holds a mapping: for a field that may be a word or a mapping (<c>hours</c>).</summary>
    public bool HoldsMapping(string key) => Find(key)?.Value is YamlMappingNode;

    /// <summary>True when <paramref name="key"/> holds a single value (possibly empty), not a list or a mapping.</summary>
    public bool HoldsText(string key) => Find(key)?.Value is YamlScalarNode;

    /// <summary>Reports a problem with <paramref name="key"/>, at its line (or <paramref name="line"/>).</summary>
    public void Error(string key, string message, int? line = null) =>
        _diagnostics.Add(new Diagnostic(_path, line ?? LineOfKey(key), message) { Field = Name(key) });

    /// <summary>Reports a problem with this mapping as a whole (<c>coordinates</c>, <c>age_months</c>).</summary>
    public void ErrorHere(string message) =>
        _diagnostics.Add(new Diagnostic(_path, Line, message) { Field = _prefix.TrimEnd('.') is { Length: > 0 } own ? own : null });

    private void Report(string key, int line, string message) =>
        _diagnostics.Add(new Diagnostic(_path, line, message) { Field = Name(key) });

    public string? Text(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Report(key, LineOf(node), $"'{Name(key)}' must be text");
            return null;
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Report(key, LineOf(node), $"'{Name(key)}' is required and must not be empty");
            }

            return null;
        }

        return value;
    }

    public string? OneOf(string key, IReadOnlyList<string> allowed, bool required = false)
    {
        var value = Text(key, required);
        if (value is not null && !allowed.Contains(value))
        {
            Report(key, LineOfKey(key), $"'{Name(key)}' must be one of {string.Join(", ", allowed)} (found '{value}')");
            return null;
        }

        return value;
    }

    public int? WholeNumber(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Report(key, LineOfKey(key), $"'{Name(key)}' must be a whole number (found '{text}')");
            return null;
        }

        return value;
    }

    public double? Number(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Report(key, LineOfKey(key), $"'{Name(key)}' must be a number (found '{text}')");
            return null;
        }

        return value;
    }

    public bool Bool(string key)
    {
        var text = Text(key);
        switch (text)
        {
            case null or "false" or "no":
                return false;
            case "true" or "yes":
                return true;
            default:
                Report(key, LineOfKey(key), $"'{Name(key)}' must be true or false (found '{text}')");
                return false;
        }
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssK"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return DateOnly.FromDateTime(value);
        }

        Report(key, LineOfKey(key), $"'{Name(key)}' must be a date written YYYY-MM-DD (found '{text}')");
        return null;
    }

    /// <summary>A list of texts; a single text is accepted as a list of one.</summary>
    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var node = Node(key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? Empty(key, node, required) : [scalar.Value.Trim()];
            case YamlSequenceNode sequence:
                var values = new List<string>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    if (child is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    {
                        values.Add(text.Trim());
                    }
                    else
                    {
                        Report(key, LineOf(child), $"every entry of '{Name(key)}' must be non-empty text");
                    }
                }

                return values.Count == 0 ? Empty(key, node, required) : values;
            default:
                Report(key, LineOf(node), $"'{Name(key)}' must be a list of texts");
                return [];
        }
    }

    public FieldReader? Map(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Report(key, LineOf(node), $"'{Name(key)}' must be a mapping of keys to values");
            return null;
        }

        return new FieldReader(mapping, _path, _lineOffset + 1, _diagnostics, Name(key) + ".");
    }

    public IReadOnlyList<FieldReader> MapList(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Report(key, LineOf(node), $"'{Name(key)}' must be a list");
            return [];
        }

        var readers = new List<FieldReader>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode mapping)
            {
                readers.Add(new FieldReader(mapping, _path, _lineOffset + 1, _diagnostics, $"{Name(key)}[{i}]."));
            }
            else
            {
                Report(key, LineOf(sequence.Children[i]), $"every entry of '{Name(key)}' must be a mapping of keys to values");
            }
        }

        if (readers.Count == 0 && required)
        {
            Report(key, LineOf(node), $"'{Name(key)}' needs at least one entry");
        }

        return readers;
    }

    /// <summary>Keys not read by anyone, as plain values: unknown front matter is kept, never dropped.</summary>
    public Dictionary<string, object?> Unused()
    {
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in _mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!_used.Contains(name))
            {
                extra[name] = YamlValues.ToPlain(value);
            }
        }

        return extra;
    }

    /// <summary>The lines of every key, for errors that are only found later.</summary>
    public Dictionary<string, int> KeyLines()
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, _) in _mapping.Children)
        {
            lines[((YamlScalarNode)key).Value ?? ""] = LineOf(key);
        }

        return lines;
    }

    private IReadOnlyList<string> Empty(string key, YamlNode node, bool required)
    {
        if (required)
        {
            Report(key, LineOf(node), $"'{Name(key)}' needs at least one entry");
        }

        return [];
    }

    private YamlNode? Node(string key, bool required)
    {
        _used.Add(key);
        if (Find(key) is { } pair && pair.Value is not YamlScalarNode { Value: null or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain })
        {
            return pair.Value;
        }

        if (required)
        {
            Report(key, Find(key) is { } present ? LineOf(present.Key) : Line, $"'{Name(key)}' is required");
        }

        return null;
    }

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var pair in _mapping.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } name } && name == key)
            {
                return pair;
            }
        }

        return null;
    }

    private string Name(string key) => _prefix + key;
}
