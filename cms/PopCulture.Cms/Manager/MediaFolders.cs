namespace PopCulture.Cms.Manager;

/// <summary>The media library's folders with their counts, and how many items the library holds in all.</summary>
public sealed record MediaFolders(IReadOnlyList<MediaFolder> Folders, int Total);
