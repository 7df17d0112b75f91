namespace PopCulture.Site.Content;

/// <summary>Where content comes from: a folder of Markdown files, or the CMS database.</summary>
public interface IContentSource
{
    /// <summary>Reads every item, data file and media file; problems go into <paramref name="diagnostics"/>.</summary>
    Task<ContentSnapshot> LoadAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken);
}

/// <summary>Everything one build reads, immutable once loaded.</summary>
public sealed record ContentSnapshot(
    IReadOnlyList<ContentItem> Items,
    IReadOnlyDictionary<string, object?> Data,
    IReadOnlyDictionary<string, MediaFile> Media);

/// <summary>A media file, keyed by its site path (<c>parks/gusu/park.svg</c>).</summary>
public sealed record MediaFile(string SitePath, string PhysicalPath, long Length);
