namespace PopCulture.Cms.Manager;

/// <summary>A folder of the media library and how many items it holds, those of its subfolders included.</summary>
public sealed record MediaFolder(string Path, int Count)
{
    /// <summary>How deep the folder is (0 for <c>parks</c>, 1 for <c>parks/gusu</c>), for indenting the list.</summary>
    public int Depth => Path.Count(c => c == '/');
}
