using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PopCulture.Cms.Content;

/// <summary>
/// Which files of the media folder published content may use: every file in the folder of a published bundle, and any
/// other file published content links to. Files of unpublished items stay private, in the site build and the source API.
/// </summary>
public static partial class PublishedMedia
{
    private const int MaxKeyLength = 1024;

    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    /// <summary>A published item as far as its media go.</summary>
    public sealed record Row(string Section, string Slug, string ContentPath, string FrontMatter, string Body);

    /// <summary>What one published item may use of the media folder: its bundle's folder, if it is a bundle, and what it links to.</summary>
    public sealed record Uses(string? Bundle, IReadOnlySet<string> Linked);

    /// <summary>What a published row may use: its bundle and the keys its front matter's strings and its body's links resolve to.</summary>
    public static Uses UsesOf(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var folder = ContentValidator.BundleOf(row.ContentPath, row.Section) ?? "";
        var linked = new HashSet<string>(StringComparer.Ordinal);
        // Links resolve against the item's folder, and else against its page URL, as the site build resolves them.
        var page = (row.Section, row.Slug) switch
        {
            ("", ContentValidator.IndexSlug) => "",
            ("", _) => row.Slug,
            (_, ContentValidator.IndexSlug) => row.Section,
            _ => $"{row.Section}/{row.Slug}",
        };
        foreach (var target in Targets(row.FrontMatter, row.Body))
        {
            AddResolved(linked, folder, target);
            AddResolved(linked, page, target);
        }

        return new Uses(folder.Contains('/', StringComparison.Ordinal) ? folder : null, linked);
    }

    /// <summary>The media files (key, full path) that published items with these <paramref name="uses"/> may use.</summary>
    public static IEnumerable<(string Key, string Path)> Select(IEnumerable<Uses> uses, string mediaDirectory)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var bundles = new HashSet<string>(StringComparer.Ordinal);
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var use in uses)
        {
            if (use.Bundle is { } bundle)
            {
                bundles.Add(bundle);
            }

            linked.UnionWith(use.Linked);
        }

        var root = Path.GetFullPath(mediaDirectory);
        foreach (var path in Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", Walk) : [])
        {
            var key = Path.GetRelativePath(root, path).Replace('\\', '/');
            var segments = key.Split('/');
            if (IsSafeKey(key) && (linked.Contains(key) || (segments.Length > 2 && bundles.Contains($"{segments[0]}/{segments[1]}"))))
            {
                yield return (key, path);
            }
        }
    }

    /// <summary>Every string of the front matter and every link target of the body: what an item may point at.</summary>
    private static IEnumerable<string> Targets(string frontMatter, string body)
    {
        var pending = new Stack<JsonNode?>([JsonNode.Parse(frontMatter)]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject map:
                    foreach (var (_, child) in map)
                    {
                        pending.Push(child);
                    }

                    break;
                case JsonArray list:
                    foreach (var child in list)
                    {
                        pending.Push(child);
                    }

                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    yield return value.GetValue<string>();
                    break;
            }
        }

        foreach (Match match in LinkTarget().Matches(body))
        {
            yield return match.Groups.Values.Skip(1).First(g => g.Success).Value;
        }
    }

    private static void AddResolved(HashSet<string> keys, string folder, string target)
    {
        var path = target.Split('#', '?')[0].Trim();
        if (path.Length == 0 || path.Length > MaxKeyLength || path.StartsWith("//", StringComparison.Ordinal) || SchemePrefix().IsMatch(path))
        {
            return;
        }

        var parts = path.StartsWith('/') ? [] : new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in Uri.UnescapeDataString(path).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        keys.Add(string.Join('/', parts));
    }

    /// <summary>A relative path of plain segments: no <c>..</c>, no hidden or empty segment, no backslash, no drive.</summary>
    public static bool IsSafeKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength
        && !key.Contains('\\', StringComparison.Ordinal) && !key.Contains(':', StringComparison.Ordinal) && !key.Contains('\0', StringComparison.Ordinal)
        && key.Split('/').All(segment => segment.Length > 0 && !segment.StartsWith('.'));

    // Markdown links and images, reference definitions, and src/href attributes of inline HTML.
    [GeneratedRegex("""\]\(\s*<?([^)\s>]+)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)|\b(?:src|href)\s*=\s*["']([^"']+)["']""", RegexOptions.Multiline)]
    private static partial Regex LinkTarget();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemePrefix();
}
