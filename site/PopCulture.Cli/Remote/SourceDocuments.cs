namespace PopCulture.Cli.Remote;

// The JSON of the CMS's source API (cms/PopCulture.Cms/Content/SourceApi.cs), kept together because they are read together.
// The CLI does not reference the CMS: dependencies point from cms to site, never back.

/// <summary>What a build reads from the CMS: published items (path and revision), data files and media.</summary>
internal sealed record SourceManifest(IReadOnlyList<SourceItemInfo> Items, IReadOnlyList<SourceDataFile> DataFiles, IReadOnlyList<SourceMedia> Media);

/// <summary>A published item in the manifest.</summary>
internal sealed record SourceItemInfo(string ContentPath, string Section, string Slug, int Revision);

/// <summary>A published item as the text of its content file.</summary>
internal sealed record SourceItem(string ContentPath, string Section, string Slug, int Revision, string Text);

/// <summary>A YAML data file, as written.</summary>
internal sealed record SourceDataFile(string Name, string Text);

/// <summary>A media file published content uses.</summary>
internal sealed record SourceMedia(string Key, long Length, string Sha256);

/// <summary>One page of published items.</summary>
internal sealed record SourceItemPage(IReadOnlyList<SourceItem> Items, int PageNumber, int PageSize, int Total);
