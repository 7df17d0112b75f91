using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// A working copy read as the site build reads a published row, with the media files it may use: published content leaves
/// a draft's files out, a preview needs them.
/// </summary>
public static class PreviewContent
{
    /// <summary>The validated item (or the problems by field), and the media files the working copy may use.</summary>
    public static async Task<(ContentValidator.Result Validation, IReadOnlyDictionary<string, MediaFile> Media)> ReadAsync(
        ContentEntry entry, CmsDbContext db, MediaVariants variants, string mediaDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(variants);
        PublishedMedia.Row[] rows = [new(entry.Section, entry.Slug, entry.ContentPath, entry.FrontMatter, entry.Body)];
        var library = await CmsItems.LibraryAsync(db, rows, cancellationToken);
        return (CmsItems.Read(rows[0], library), await CmsItems.MediaAsync(rows.Select(PublishedMedia.UsesOf), mediaDirectory, library, variants, cancellationToken));
    }
}
