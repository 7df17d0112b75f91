using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PopCulture.Site.Content;

/// <summary>Turns YAML nodes into plain values (string, long, double, bool, lists, dictionaries) for templates.</summary>
public static class YamlValues
{
    private const int MaxDepth = 32;

    public static object? ToPlain(YamlNode node) => ToPlain(node, 0);

    /// <summary>Parses a YAML data file into plain values; a syntax error is reported against <paramref name="path"/>.</summary>
    public static object? ParseDocument(string path, string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            diagnostics.Error(path, (int)e.Start.Line, $"malformed YAML: {e.InnerException?.Message ?? e.Message}");
            return null;
        }

        return stream.Documents.Count == 0 ? null : ToPlain(stream.Documents[0].RootNode);
    }

    private static object? ToPlain(YamlNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("YAML nested deeper than 32 levels");
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return Scalar(scalar);
            case YamlSequenceNode sequence:
                return sequence.Children.Select(child => ToPlain(child, depth + 1)).ToList();
            case YamlMappingNode mapping:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    result[((YamlScalarNode)key).Value ?? ""] = ToPlain(value, depth + 1);
                }

                return result;
            default:
                return null;
        }
    }

    private static object? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value;
        if (value is null || scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return value;
        }

        if (value is "" or "~" or "null")
        {
            return null;
        }

        if (value is "true" or "false")
        {
            return value == "true";
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        // Only finite decimals are numbers: .nan, .inf and 1e999 stay text rather than become values JSON cannot hold.
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        return value;
    }
}
