using System.Collections.Concurrent;

namespace PopCulture.Site.Content;

/// <summary>
/// Reads content from a folder: <c>&lt;section&gt;/&lt;slug&gt;.md</c>, <c>&lt;section&gt;/&lt;slug&gt;/index.md</c> bundles with their media,
/// <c>_index.md</c> pages and YAML data files under <c>_data/</c>.
/// </summary>
public sealed class FolderContentSource(string root, string displayRoot = "content") : IContentSource
{
    /// <summary>The largest content file read; bigger ones are reported, not loaded.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private const string IndexFile = "_index.md";

    /// <summary>
    /// Items parsed by earlier loads, by file, with the length and time of the file they came from: a long-lived source
    /// (<c>serve</c>, the benchmark) reads again only the files that changed. Items that had problems are never kept.
    /// </summary>
    private readonly ConcurrentDictionary<string, (long Length, long Ticks, ContentItem Item)> _parsed = new(StringComparer.Ordinal);
    private const string BundleIndexFile = "index.md";

    public async Task<ContentSnapshot> LoadAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            diagnostics.Error(displayRoot, 0, "content folder does not exist");
            return new ContentSnapshot([], new Dictionary<string, object?>(), new Dictionary<string, MediaFile>());
        }

        var (documents, media) = Scan();

        var items = new ConcurrentBag<ContentItem>();
        await Parallel.ForEachAsync(documents, cancellationToken, async (location, ct) =>
        {
            var physical = PhysicalPathOf(location);
            var file = new FileInfo(physical);
            if (file.Length > MaxFileBytes)
            {
                diagnostics.Error(location.SourcePath, 0, $"file is larger than {MaxFileBytes / (1024 * 1024)} MB");
                return;
            }

            var ticks = file.LastWriteTimeUtc.Ticks;
            if (_parsed.TryGetValue(physical, out var known) && known.Length == file.Length && known.Ticks == ticks && known.Item.SourcePath == location.SourcePath)
            {
                items.Add(known.Item);
                return;
            }

            var text = await File.ReadAllTextAsync(physical, ct).ConfigureAwait(false);
            var problems = new DiagnosticBag();
            var item = ItemParser.Parse(location, text, problems);
            diagnostics.AddRange(problems.Snapshot());
            if (item is not null)
            {
                items.Add(item);
                if (problems.Snapshot().Count == 0)
                {
                    _parsed[physical] = (file.Length, ticks, item);
                }
                else
                {
                    _parsed.TryRemove(physical, out _);
                }
            }
        }).ConfigureAwait(false);

        var data = await LoadDataAsync(diagnostics, cancellationToken).ConfigureAwait(false);
        var ordered = items.OrderBy(i => i.SourcePath, StringComparer.Ordinal).ToList();
        return new ContentSnapshot(ordered, data, media);
    }

    /// <summary>The content files and media files of the folder, without reading them: what importers walk.</summary>
    public (IReadOnlyList<ItemParser.Location> Documents, IReadOnlyDictionary<string, MediaFile> Media) Scan()
    {
        var documents = new List<ItemParser.Location>();
        var media = new Dictionary<string, MediaFile>(StringComparer.Ordinal);
        Scan(documents, media);
        return (documents, media);
    }

    /// <summary>The file a scanned document is read from.</summary>
    public string PhysicalPathOf(ItemParser.Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Path.Combine(root, location.ContentPath);
    }

    /// <summary>The YAML data files under <c>_data/</c>, by file name.</summary>
    public IReadOnlyList<string> DataFiles()
    {
        var folder = Path.Combine(root, "_data");
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f) is ".yaml" or ".yml").Order(StringComparer.Ordinal)]
            : [];
    }

    private void Scan(List<ItemParser.Location> documents, Dictionary<string, MediaFile> media)
    {
        foreach (var file in Directory.EnumerateFiles(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name == IndexFile)
            {
                documents.Add(new ItemParser.Location(Display(name), "", "", IsIndex: true, BundlePath: null) { ContentPath = name });
            }
            else if (IsMarkdown(name) && !IsHidden(name))
            {
                documents.Add(new ItemParser.Location(Display(name), "", Path.GetFileNameWithoutExtension(name), false, null) { ContentPath = name });
            }
            else if (!IsHidden(name))
            {
                AddMedia(media, name, file);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var section = Path.GetFileName(folder);
            if (!IsHidden(section))
            {
                ScanSection(section, folder, documents, media);
            }
        }
    }

    private void ScanSection(string section, string folder, List<ItemParser.Location> documents, Dictionary<string, MediaFile> media)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var relative = $"{section}/{name}";
            if (name == IndexFile)
            {
                documents.Add(new ItemParser.Location(Display(relative), section, "", IsIndex: true, BundlePath: section) { ContentPath = relative });
            }
            else if (IsMarkdown(name) && !IsHidden(name))
            {
                documents.Add(new ItemParser.Location(Display(relative), section, Path.GetFileNameWithoutExtension(name), false, section) { ContentPath = relative });
            }
            else if (!IsHidden(name))
            {
                AddMedia(media, relative, file);
            }
        }

        foreach (var bundle in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileName(bundle);
            if (IsHidden(slug))
            {
                continue;
            }

            var bundlePath = $"{section}/{slug}";
            if (File.Exists(Path.Combine(bundle, BundleIndexFile)))
            {
                documents.Add(new ItemParser.Location(Display($"{bundlePath}/{BundleIndexFile}"), section, slug, false, bundlePath) { ContentPath = $"{bundlePath}/{BundleIndexFile}" });
            }

            foreach (var file in Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = $"{bundlePath}/{Path.GetRelativePath(bundle, file).Replace('\\', '/')}";
                if (Path.GetFileName(file) != BundleIndexFile && !IsHidden(Path.GetFileName(file)))
                {
                    AddMedia(media, relative, file);
                }
            }
        }
    }

    private async Task<Dictionary<string, object?>> LoadDataAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var file in DataFiles())
        {
            var display = Display($"_data/{Path.GetFileName(file)}");
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            data[Path.GetFileNameWithoutExtension(file)] = YamlValues.ParseDocument(display, text, diagnostics);
        }

        return data;
    }

    private static void AddMedia(Dictionary<string, MediaFile> media, string relative, string physical) =>
        media[relative] = new MediaFile(relative, physical, new FileInfo(physical).Length);

    private static bool IsMarkdown(string name) => name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(string name) => name.StartsWith('.') || name.StartsWith('_');

    private string Display(string relative) => $"{displayRoot}/{relative}";

}
