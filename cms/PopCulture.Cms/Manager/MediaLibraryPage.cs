using PopCulture.Cms.Media;

namespace PopCulture.Cms.Manager;

/// <summary>One page of the media library as the grid shows it.</summary>
public sealed record MediaLibraryPage(IReadOnlyList<MediaItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
