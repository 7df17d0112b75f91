namespace PopCulture.Cms.Media;

/// <summary>A media item as the APIs return it.</summary>
public sealed record MediaDocument(
    Guid Id,
    string Kind,
    string ContentType,
    string? OriginalName,
    long Bytes,
    int? Width,
    int? Height,
    string? Title,
    string? Alt,
    string? Caption,
    string? Credit,
    string Folder,
    IReadOnlyList<string> Tags,
    double FocalX,
    double FocalY,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    string Url,
    IReadOnlyList<MediaUsage>? Usage)
{
    public static MediaDocument From(MediaItem item, IReadOnlyList<MediaUsage>? usage = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.Kind, item.ContentType, item.OriginalName, item.Bytes, item.Width, item.Height, item.Title, item.Alt,
            item.Caption, item.Credit, item.Folder, MediaService.SplitTags(item.Tags), item.FocalX, item.FocalY, item.CreatedAt, item.CreatedBy,
            $"/api/v1/media/{item.Id}/original", usage);
    }
}
