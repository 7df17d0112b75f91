using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PopCulture.Site.Content;

/// <summary>Splits a Markdown file into its YAML front matter and body, keeping line numbers.</summary>
public sealed record FrontMatter(YamlMappingNode? Yaml, string Body, int BodyLine, int YamlFirstLine)
{
    /// <summary>The most front matter a file may have: a guard against hostile or broken files.</summary>
    public const int MaxYamlChars = 256 * 1024;

    /// <summary>Parses <paramref name="text"/>; a YAML error is reported and yields null.</summary>
    public static FrontMatter? Parse(string path, string text, DiagnosticBag diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (!StartsWithFence(text, 0))
        {
            return new FrontMatter(null, text, 1, 0);
        }

        var yamlStart = text.IndexOf('\n') + 1;
        var line = 2;
        var position = yamlStart;
        while (position < text.Length)
        {
            if (StartsWithFence(text, position))
            {
                var yaml = text[yamlStart..position];
                var next = text.IndexOf('\n', position);
                var body = next < 0 ? "" : text[(next + 1)..];
                var mapping = ParseYaml(path, yaml, 2, diagnostics);
                return mapping is null ? null : new FrontMatter(mapping, body, line + 1, 2);
            }

            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
            if (position - yamlStart > MaxYamlChars)
            {
                diagnostics.Error(path, 1, $"front matter is longer than {MaxYamlChars / 1024} KB");
                return null;
            }
        }

        diagnostics.Error(path, 1, "front matter starts with '---' but has no closing '---' line");
        return null;
    }

    private static bool StartsWithFence(string text, int position)
    {
        if (string.CompareOrdinal(text, position, "---", 0, 3) != 0)
        {
            return false;
        }

        var rest = position + 3;
        while (rest < text.Length && text[rest] is ' ' or '\t' or '\r')
        {
            rest++;
        }

        return rest == text.Length || text[rest] == '\n';
    }

    /// <summary>Parses a YAML mapping; <paramref name="firstLine"/> is the file line the YAML text starts on.</summary>
    public static YamlMappingNode? ParseYaml(string path, string yaml, int firstLine, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            diagnostics.Error(path, (int)e.Start.Line + firstLine - 1, $"malformed YAML: {Trim(message)}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlMappingNode();
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Error(path, firstLine, "front matter must be a mapping of keys to values");
            return null;
        }

        return mapping;
    }

    private static string Trim(string message)
    {
        // YamlDotNet prefixes positions like "(Line: 3, Col: 1, Idx: 20) - (…): "; our prefix already says where.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
