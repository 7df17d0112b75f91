namespace PopCulture.Cms.Manager;

/// <summary>What the media screen lists: a kind (image, pdf, video), a folder and those under it, a search text, a page.</summary>
public sealed record MediaLibraryQuery(string? Kind, string? Folder, string? Search, int Page);
