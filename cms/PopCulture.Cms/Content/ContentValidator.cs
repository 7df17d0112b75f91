using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>
/// Validates a write with the generator's own parser, so the CMS and the file build accept exactly the same content,
/// and reports problems by field for problem details.
/// </summary>
public static partial class ContentValidator
{
    /// <summary>The slug that marks a section's own page (or the home page) in the CMS.</summary>
    public const string IndexSlug = "_index";

    public const int MaxBodyChars = 1024 * 1024;

    /// <summary>The outcome: the parsed item when valid, else the problems by field.</summary>
    public sealed record Result(ContentItem? Item, IDictionary<string, string[]> Errors)
    {
        public bool IsValid => Item is not null && Errors.Count == 0;
    }

    public static Result Validate(string section, string slug, JsonObject frontMatter, string body, string? contentPath = null)
    {
        ArgumentNullException.ThrowIfNull(frontMatter);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (section.Length > 0 && !SectionPattern().IsMatch(section))
        {
            Add("section", $"section '{section}' must be lowercase ASCII letters, digits and '-'");
        }

        var isIndex = slug == IndexSlug;
        if (!isIndex && !SlugPattern().IsMatch(slug))
        {
            Add("slug", $"slug '{slug}' must be lowercase ASCII letters, digits and '-'");
        }

        if (body.Length > MaxBodyChars)
        {
            Add("body", $"body is {body.Length} characters long; at most {MaxBodyChars} are allowed");
        }

        ContentItem? item = null;
        if (errors.Count == 0)
        {
            var diagnostics = new DiagnosticBag();
            var path = contentPath ?? DefaultContentPath(section, slug);
            var location = new ItemParser.Location($"cms/{path}", section, isIndex ? "" : slug, isIndex, BundleOf(path, section))
            {
                ContentPath = path,
            };
            YamlDotNet.RepresentationModel.YamlMappingNode yaml;
            try
            {
                yaml = FrontMatterJson.ToYaml(frontMatter);
            }
            catch (System.Text.Json.JsonException e)
            {
                Add("frontMatter", e.Message);
                return Finish(null, errors);
            }

            item = ItemParser.FromYaml(location, yaml, 1, body, 1, diagnostics) with
            {
                SourceHash = new PopCulture.Site.Incremental.ContentHash().Add(frontMatter.ToJsonString()).Add(body).Value,
            };
            foreach (var problem in diagnostics.Snapshot().Where(d => d.Severity == Severity.Error))
            {
                Add(problem.Field is { } field ? $"frontMatter.{field}" : "frontMatter", problem.Message);
            }
        }

        return Finish(item, errors);
    }

    /// <summary>Where a new item would live as a file: a bundle folder when it has media beside it, else one file.</summary>
    public static string DefaultContentPath(string section, string slug) =>
        (section, slug) switch
        {
            ("", IndexSlug) => "_index.md",
            ("", _) => $"{slug}.md",
            (_, IndexSlug) => $"{section}/_index.md",
            _ => $"{section}/{slug}.md",
        };

    /// <summary>The folder an item's media names resolve against, as the folder source computes it.</summary>
    public static string? BundleOf(string contentPath, string section) =>
        contentPath.EndsWith("/index.md", StringComparison.Ordinal) && contentPath.Count(c => c == '/') == 2
            ? contentPath[..contentPath.LastIndexOf('/')]
            : section.Length == 0 ? null : section;

    private static Result Finish(ContentItem? item, Dictionary<string, List<string>> errors) =>
        new(errors.Count == 0 ? item : null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SectionPattern();
}
