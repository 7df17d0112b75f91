using System.Globalization;
using System.Text.RegularExpressions;
using PopCulture.Site.Content;

namespace PopCulture.Cli.Remote;

/// <summary>
/// Content from a running CMS's source API (<c>/api/v1/source</c>): its published items, data files and the media they
/// use, giving the snapshot a build inside that CMS would read. Media are cached under <paramref name="cacheDirectory"/>
/// by content hash and JSON answers are revalidated by ETag, so a second build fetches only what changed. Every failure
/// is a diagnostic naming the URL.
/// </summary>
/// <param name="http">A client whose <see cref="HttpClient.BaseAddress"/> is the CMS's address (and which carries any token).</param>
/// <param name="cacheDirectory">Where media and answers are kept between builds.</param>
public sealed partial class CmsRemoteSource(HttpClient http, string cacheDirectory) : IContentSource
{
    /// <summary>The source API's own page-size limit: fewer round trips.</summary>
    private const int PageSize = 100;

    /// <summary>A publish while the pages are read can move items between pages; so many reads are tried before giving up.</summary>
    private const int Attempts = 3;

    private const string ManifestUrl = "api/v1/source";

    public async Task<ContentSnapshot> LoadAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (http.BaseAddress is null)
        {
            throw new InvalidOperationException("the HttpClient needs the CMS's address as its BaseAddress");
        }

        var client = new RemoteClient(http, Path.Combine(cacheDirectory, "responses"));
        try
        {
            var (manifest, files) = await ReadConsistentAsync(client, cancellationToken).ConfigureAwait(false);
            var items = files
                .OrderBy(f => f.ContentPath, StringComparer.Ordinal)
                .Select(f => ItemParser.Parse(LocationOf(f), f.Text, diagnostics))
                .OfType<ContentItem>()
                .ToList();
            var data = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var file in manifest.DataFiles)
            {
                data[Path.GetFileNameWithoutExtension(file.Name)] = YamlValues.ParseDocument($"cms/_data/{file.Name}", file.Text, diagnostics);
            }

            var media = await new MediaCache(client, Path.Combine(cacheDirectory, "media"))
                .FetchAsync(manifest.Media, diagnostics, cancellationToken).ConfigureAwait(false);
            return new ContentSnapshot(items, data, media);
        }
        catch (RemoteSourceException e)
        {
            diagnostics.Error(e.Url, 0, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(cacheDirectory, 0, $"cannot use the download cache: {e.Message}");
        }

        return new ContentSnapshot([], new Dictionary<string, object?>(), new Dictionary<string, MediaFile>());
    }

    /// <summary>The manifest and every item it lists, read again if a publish changed them in between.</summary>
    private static async Task<(SourceManifest Manifest, List<SourceItem> Items)> ReadConsistentAsync(RemoteClient client, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var manifest = await client.GetJsonAsync<SourceManifest>(ManifestUrl, cancellationToken).ConfigureAwait(false);
            Check(manifest, client.Absolute(ManifestUrl));
            var items = new List<SourceItem>(manifest.Items.Count);
            var pages = 1;
            for (var page = 1; page <= pages; page++)
            {
                var relative = string.Create(CultureInfo.InvariantCulture, $"{ManifestUrl}/items?page={page}&pageSize={PageSize}");
                var answer = await client.GetJsonAsync<SourceItemPage>(relative, cancellationToken).ConfigureAwait(false);
                // Bounded by the manifest, so a wrong total cannot send the build round forever.
                pages = Math.Min((answer.Total + PageSize - 1) / PageSize, (manifest.Items.Count / PageSize) + 2);
                items.AddRange(answer.Items);
            }

            var expected = manifest.Items.Select(i => (i.ContentPath, i.Section, i.Slug, i.Revision)).Order().ToList();
            if (items.Select(i => (i.ContentPath, i.Section, i.Slug, i.Revision)).Order().SequenceEqual(expected))
            {
                return (manifest, items);
            }

            if (attempt == Attempts)
            {
                throw new RemoteSourceException(client.Absolute(ManifestUrl), $"published content kept changing while it was read ({Attempts} tries); build again");
            }
        }
    }

    /// <summary>Refuses names that could reach outside the output or the cache: the CMS is trusted with content, not paths.</summary>
    private static void Check(SourceManifest manifest, string url)
    {
        foreach (var item in manifest.Items)
        {
            if (!IsSafePath(item.ContentPath) || !item.ContentPath.EndsWith(".md", StringComparison.Ordinal)
                || (item.Section.Length > 0 && !Name().IsMatch(item.Section)) || (item.Slug != IndexSlug && !Name().IsMatch(item.Slug)))
            {
                throw new RemoteSourceException(url, $"the manifest lists an item with an unusable path: '{item.ContentPath}' ({item.Section}/{item.Slug})");
            }
        }

        if (manifest.DataFiles.FirstOrDefault(f => !DataFileName().IsMatch(f.Name)) is { } data)
        {
            throw new RemoteSourceException(url, $"the manifest lists a data file with an unusable name: '{data.Name}'");
        }

        if (manifest.Media.FirstOrDefault(m => !IsSafePath(m.Key) || !Sha256().IsMatch(m.Sha256) || m.Length < 0) is { } media)
        {
            throw new RemoteSourceException(url, $"the manifest lists a media file with an unusable key, length or hash: '{media.Key}'");
        }
    }

    private const string IndexSlug = "_index";

    /// <summary>Where the item's file would sit in a content folder, computed as the CMS's own build does.</summary>
    private static ItemParser.Location LocationOf(SourceItem item)
    {
        var isIndex = item.Slug == IndexSlug;
        var isBundle = item.ContentPath.EndsWith("/index.md", StringComparison.Ordinal) && item.ContentPath.Count(c => c == '/') == 2;
        var bundle = isBundle ? item.ContentPath[..item.ContentPath.LastIndexOf('/')] : item.Section.Length == 0 ? null : item.Section;
        // cms/ as the CMS's build names its items: items sort by this path, so the pages come out the same.
        return new ItemParser.Location($"cms/{item.ContentPath}", item.Section, isIndex ? "" : item.Slug, isIndex, bundle) { ContentPath = item.ContentPath };
    }

    private static bool IsSafePath(string path) =>
        path.Length is > 0 and <= 1024
        && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal) && !path.Contains('\0', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment.Length > 0 && !segment.StartsWith('.'));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Name();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*\\.ya?ml$")]
    private static partial Regex DataFileName();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
