using Microsoft.Extensions.Options;
using PopCulture.Site.Content;
using PopCulture.Site.Images;

namespace PopCulture.Cms.Media;

/// <summary>
/// Responsive variants of library images for the delivery API: made on first request with the generator's own
/// variant builder and the theme's widths, then served from the same content-hash cache the site build uses.
/// </summary>
public sealed class MediaVariants(IOptions<CmsOptions> options, IMediaStorage storage)
{
    private readonly string _cache = Path.Combine(options.Value.DataDirectory, ".popculture-cache");
    private readonly ImageSettings _settings = ImageSettings.Load(options.Value.ThemeDirectory, "theme", new DiagnosticBag());

    /// <summary>The cached file for <paramref name="variant"/> (<c>720.webp</c>), or null if the image has no such variant.</summary>
    public async Task<string?> FindAsync(MediaItem item, string variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(variant);
        if (await LocalCopyAsync(item, cancellationToken) is not { } original)
        {
            return null;
        }

        var media = new MediaFile(item.StoredName, original, item.Bytes);
        var outcome = await new ImageVariantBuilder(_cache, _settings).BuildAsync(media, "/" + item.StoredName, link => link, cancellationToken);
        var wanted = "/original." + variant;
        return outcome.Files.FirstOrDefault(f => f.SitePath == wanted).CachedPath;
    }

    /// <summary>The smallest variant of an image (<c>360.webp</c>), for thumbnails; null when it has none (not an image, a GIF).</summary>
    public string? ThumbnailName(MediaItem item) => VariantName(item, smallest: true);

    /// <summary>The largest variant of an image (<c>1080.webp</c>), for a preview that shows the whole image; null when it has none.</summary>
    public string? PreviewName(MediaItem item) => VariantName(item, smallest: false);

    // The same widths ImageVariantBuilder makes: the theme's widths under the image's own, or the image's own when none is.
    private string? VariantName(MediaItem item, bool smallest)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind != "image" || item.ContentType == "image/gif" || item.Width is not { } width)
        {
            return null;
        }

        var smaller = _settings.Widths.Where(w => w < width).ToList();
        var chosen = smaller.Count == 0 ? width : smallest ? smaller[0] : smaller[^1];
        // The variant route takes two to four digits.
        return chosen is < 10 or > 9999 ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{chosen}.webp");
    }

    /// <summary>
    /// The stored file (already stripped of metadata at upload) as a local file the generator can read, copied from storage
    /// once: storage may not be a local disk. Null if the stored file is gone.
    /// </summary>
    public async Task<string?> LocalCopyAsync(MediaItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var original = Path.Combine(_cache, "originals", $"{item.Id:N}-{(item.Sha256.Length >= 16 ? item.Sha256[..16] : "unhashed")}{Path.GetExtension(item.StoredName)}");
        if (File.Exists(original))
        {
            return original;
        }

        await using var stored = storage.OpenRead(item.Id, item.StoredName);
        if (stored is null)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(original)!);
        var temporary = $"{original}.{Guid.NewGuid():N}.tmp";
        await using (var copy = File.Create(temporary))
        {
            await stored.CopyToAsync(copy, cancellationToken);
        }

        File.Move(temporary, original, overwrite: true);
        return original;
    }
}
