using System.Collections;
using System.Globalization;
using PopCulture.Site.Model;
using PopCulture.Site.Templates;

namespace PopCulture.Site.Incremental;

/// <summary>
/// The hash of everything every page depends on: the generator itself, the theme's files, the build settings, the site
/// configuration and data files, and the sections. When it changes, every page is rendered again.
/// </summary>
public static class SiteKey
{
    public static async Task<UInt128> ComputeAsync(
        BuildOptions options, SiteUrls urls, SiteConfig config, IReadOnlyList<Section> sections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(sections);
        var hash = new ContentHash()
            .Add(typeof(SiteKey).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Add(urls.BaseUrl).Add(options.PageSize).Add(options.IncludeDrafts ? 1 : 0)
            .Add(config.Title).Add(config.Description).Add(config.Year).Add(config.VisitRequestsUrl ?? "");
        foreach (var link in config.Menu)
        {
            hash.Add(link.Title).Add(link.Url);
        }

        AddValue(hash, config.Data, depth: 0);
        foreach (var section in sections)
        {
            hash.Add(section.Name).Add(section.Title).Add(section.Url);
        }

        var theme = Path.GetFullPath(options.ThemeDirectory);
        foreach (var file in Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.Add(Path.GetRelativePath(theme, file)).AddBytes(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return hash.Value;
    }

    /// <summary>Data files as parsed from YAML: mappings, lists and scalars, hashed in a fixed order.</summary>
    private static void AddValue(ContentHash hash, object? value, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("site data nests deeper than YAML parsing allows");
        }

        switch (value)
        {
            case null:
                hash.Add("~null");
                break;
            case string text:
                hash.Add("s").Add(text);
                break;
            case IEnumerable<KeyValuePair<string, object?>> mapping:
                hash.Add("{");
                foreach (var (key, item) in mapping.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    hash.Add(key);
                    AddValue(hash, item, depth + 1);
                }

                hash.Add("}");
                break;
            case IEnumerable list:
                hash.Add("[");
                foreach (var item in list)
                {
                    AddValue(hash, item, depth + 1);
                }

                hash.Add("]");
                break;
            default:
                hash.Add(value.GetType().Name).Add(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
