using System.Text.Json.Nodes;
using DiffPlex;

namespace PopCulture.Cms.Content;

/// <summary>Compares two revisions of an entry: section, slug and front matter field by field, the body line by line.</summary>
public static class RevisionDiffer
{
    /// <summary>
    /// Above this many lines (both sides together) the body is shown as wholly replaced instead of running the
    /// O((N+M)·D) line diff, so two huge, very different bodies cannot tie up a request.
    /// </summary>
    public const int MaxDiffLines = 20_000;

    // Front matter is written at most 16 levels deep; deeper values (which cannot be saved) are compared whole.
    private const int MaxDepth = 16;

    private static readonly string[] LineBreaks = ["\r\n", "\r", "\n"];

    public static RevisionDiff Compare(ContentRevision before, ContentRevision after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var fields = new List<RevisionFieldChange>();
        if (before.Section != after.Section)
        {
            fields.Add(new("section", "changed", JsonValue.Create(before.Section), JsonValue.Create(after.Section)));
        }

        if (before.Slug != after.Slug)
        {
            fields.Add(new("slug", "changed", JsonValue.Create(before.Slug), JsonValue.Create(after.Slug)));
        }

        CompareObjects("frontMatter", Parse(before.FrontMatter), Parse(after.FrontMatter), fields, 0);
        return new(before.Number, after.Number, fields, CompareBodies(before.Body, after.Body));
    }

    /// <summary>Every line of both bodies in reading order, marked unchanged, deleted or inserted.</summary>
    public static RevisionBodyDiff CompareBodies(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var oldLines = SplitLines(before);
        var newLines = SplitLines(after);
        if (before != after && oldLines.Length + newLines.Length > MaxDiffLines)
        {
            return new(false, [
                .. oldLines.Select((text, i) => new RevisionBodyLine("deleted", text, i + 1, null)),
                .. newLines.Select((text, i) => new RevisionBodyLine("inserted", text, null, i + 1)),
            ]);
        }

        var lines = new List<RevisionBodyLine>(Math.Max(oldLines.Length, newLines.Length));
        int a = 0, b = 0;
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, BodyLineChunker.Instance);
        foreach (var block in result.DiffBlocks)
        {
            // Between blocks both sides advance together: the lines the diff matched.
            while (a < block.DeleteStartA)
            {
                lines.Add(new("unchanged", oldLines[a], ++a, ++b));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                lines.Add(new("deleted", oldLines[a], ++a, null));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                lines.Add(new("inserted", newLines[b], null, ++b));
            }
        }

        while (a < oldLines.Length)
        {
            lines.Add(new("unchanged", oldLines[a], ++a, ++b));
        }

        return new(before == after, lines);
    }

    private static void CompareObjects(string prefix, JsonObject before, JsonObject after, List<RevisionFieldChange> changes, int depth)
    {
        foreach (var (key, old) in before)
        {
            var field = $"{prefix}.{key}";
            if (!after.TryGetPropertyValue(key, out var current))
            {
                changes.Add(new(field, "removed", old, null));
            }
            else if (old is JsonObject oldMap && current is JsonObject newMap && depth < MaxDepth)
            {
                CompareObjects(field, oldMap, newMap, changes, depth + 1);
            }
            else if (!JsonNode.DeepEquals(old, current))
            {
                changes.Add(new(field, "changed", old, current));
            }
        }

        foreach (var (key, current) in after)
        {
            if (!before.ContainsKey(key))
            {
                changes.Add(new($"{prefix}.{key}", "added", null, current));
            }
        }
    }

    private static JsonObject Parse(string frontMatter) => JsonNode.Parse(frontMatter) as JsonObject ?? [];

    /// <summary>
    /// A body's lines: any line ending splits, and a final line break ends the last line rather than starting an
    /// empty one, so "a\n" is one line, as an editor shows it.
    /// </summary>
    internal static string[] SplitLines(string text)
    {
        if (text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            text = text[..^2];
        }
        else if (text.EndsWith('\n') || text.EndsWith('\r'))
        {
            text = text[..^1];
        }

        return text.Length == 0 ? [] : text.Split(LineBreaks, StringSplitOptions.None);
    }

    /// <summary>Feeds DiffPlex the same lines <see cref="SplitLines"/> numbers, so its positions index them.</summary>
    private sealed class BodyLineChunker : IChunker
    {
        public static readonly BodyLineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => SplitLines(text);
    }
}
