using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using PopCulture.Site.Content;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace PopCulture.Site.Images;

/// <summary>
/// Makes the responsive variants of an image (each theme width, or a fixed-ratio crop around its focal point, as WebP
/// and in the original's format), cached on disk by the image's content hash and the settings: a rebuild with
/// unchanged images decodes nothing. A file that cannot be decoded is a problem to report, never an exception.
/// </summary>
public sealed class ImageVariantBuilder(string cacheDirectory, ImageSettings settings)
{
    /// <summary>Decoding budget for content images; the CMS already refuses larger uploads.</summary>
    public const long MaxPixels = 40_000_000;

    private static readonly TimeSpan DecodeTimeout = TimeSpan.FromSeconds(30);

    // One hash per file and build, however many sets (variants, crops) are made from it.
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _hashes = new(StringComparer.Ordinal);

    /// <summary>One image's variants: the image as pages use it, each file to copy from the cache, or why there are none.</summary>
    public sealed record Outcome(ResponsiveImage? Image, IReadOnlyList<(string SitePath, string CachedPath)> Files, string? Problem, bool Decoded);

    /// <summary>The theme's widths of the image published at <paramref name="sitePath"/> (<c>park.720.webp</c> beside <c>park.png</c>).</summary>
    public Task<Outcome> BuildAsync(MediaFile media, string sitePath, Func<string, string> link, CancellationToken cancellationToken) =>
        BuildSetAsync(media, sitePath, "", settings.Key, prepare: null, Sizes, link, cancellationToken);

    /// <summary>A fixed-ratio crop around the focal point at the crop's widths (<c>park.card.360.webp</c>).</summary>
    public Task<Outcome> BuildCropAsync(
        MediaFile media, string sitePath, string name, CropSettings crop, double focalX, double focalY, Func<string, string> link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crop);
        var key = string.Create(CultureInfo.InvariantCulture, $"{crop.Key}-f{focalX:0.###}-{focalY:0.###}");
        return BuildSetAsync(
            media,
            sitePath,
            "." + name,
            key,
            image => image.Mutate(x => x.Crop(CropArea(image.Width, image.Height, crop, focalX, focalY))),
            (width, _) => [.. crop.Widths.Where(w => w <= width).DefaultIfEmpty(width).Select(w => (w, (int)Math.Round(w * (double)crop.RatioHeight / crop.RatioWidth)))],
            link,
            cancellationToken);
    }

    /// <summary>The largest rectangle of the crop's ratio that fits, centred on the focal point as far as the edges allow.</summary>
    internal static Rectangle CropArea(int width, int height, CropSettings crop, double focalX, double focalY)
    {
        var ratio = (double)crop.RatioWidth / crop.RatioHeight;
        if ((double)width / height > ratio)
        {
            var cropWidth = Math.Min(width, (int)Math.Round(height * ratio));
            var x = (int)Math.Round((focalX * width) - (cropWidth / 2.0));
            return new Rectangle(Math.Clamp(x, 0, width - cropWidth), 0, cropWidth, height);
        }

        var cropHeight = Math.Min(height, (int)Math.Round(width / ratio));
        var y = (int)Math.Round((focalY * height) - (cropHeight / 2.0));
        return new Rectangle(0, Math.Clamp(y, 0, height - cropHeight), width, cropHeight);
    }

    /// <summary>Each theme width smaller than the image, or the image's own width if none is; heights keep the aspect ratio.</summary>
    private List<(int Width, int Height)> Sizes(int width, int height)
    {
        var smaller = settings.Widths.Where(w => w < width).ToList();
        return [.. (smaller.Count > 0 ? smaller : [width]).Select(w => (w, (int)Math.Round(w * (double)height / width)))];
    }

    private async Task<Outcome> BuildSetAsync(
        MediaFile media,
        string sitePath,
        string suffix,
        string key,
        Action<Image>? prepare,
        Func<int, int, List<(int Width, int Height)>> sizes,
        Func<string, string> link,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(link);
        string hash;
        try
        {
            hash = await _hashes.GetOrAdd(media.PhysicalPath, path => new Lazy<Task<string>>(() => HashAsync(path, cancellationToken))).Value;
        }
        catch (IOException e)
        {
            return new Outcome(null, [], $"image cannot be read: {e.Message}", false);
        }

        var fallback = Path.GetExtension(sitePath).ToLowerInvariant() is ".jpg" or ".jpeg" ? ".jpg" : ".png";
        var folder = Path.Combine(cacheDirectory, "images", hash[..2], $"{hash}-{key}-q{settings.Quality}");
        var decoded = false;
        if (!File.Exists(Path.Combine(folder, "info")))
        {
            if (await RenderAsync(media.PhysicalPath, folder, fallback, prepare, sizes, cancellationToken) is { } problem)
            {
                return new Outcome(null, [], problem, true);
            }

            decoded = true;
        }

        // info: the prepared image's size, then one "width height" line per variant.
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "info"), cancellationToken);
        var made = lines.Select(l => l.Split(' ')).Select(p => (Width: int.Parse(p[0], CultureInfo.InvariantCulture), Height: int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        var stem = sitePath[..^Path.GetExtension(sitePath).Length] + suffix;
        var variants = new List<ImageVariant>();
        var files = new List<(string, string)>();
        foreach (var (w, _) in made.Skip(1))
        {
            var webp = $"{stem}.{w}.webp";
            var other = $"{stem}.{w}{fallback}";
            variants.Add(new ImageVariant(w, link(webp), link(other)));
            files.Add((webp, Path.Combine(folder, $"{w}.webp")));
            files.Add((other, Path.Combine(folder, $"{w}{fallback}")));
        }

        // A crop has no original to point at; its largest variant stands in as the plain src.
        var image = suffix.Length == 0
            ? new ResponsiveImage(link(sitePath), made[0].Width, made[0].Height, variants)
            : new ResponsiveImage(variants[^1].FallbackUrl, made[^1].Width, made[^1].Height, variants);
        return new Outcome(image, files, null, decoded);
    }

    private async Task<string?> RenderAsync(
        string path, string folder, string fallback, Action<Image>? prepare, Func<int, int, List<(int Width, int Height)>> sizes, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(DecodeTimeout);
        var staging = $"{folder}.{Guid.NewGuid():N}.tmp";
        try
        {
            var info = await Image.IdentifyAsync(path, deadline.Token);
            if (info is null)
            {
                return "not an image the build can read";
            }

            if ((long)info.Width * info.Height > MaxPixels)
            {
                return $"the image is {info.Width} × {info.Height} pixels; at most {MaxPixels / 1_000_000} megapixels are accepted";
            }

            using var image = await Image.LoadAsync(path, deadline.Token);
            image.Mutate(x => x.AutoOrient());
            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            prepare?.Invoke(image);
            var targets = sizes(image.Width, image.Height);

            // Written to a private folder and moved into place, so a parallel or interrupted build never sees half a set.
            Directory.CreateDirectory(staging);
            await WriteVariantsAsync(image, targets, staging, fallback, deadline.Token);
            var info2 = new[] { $"{image.Width} {image.Height}" }.Concat(targets.Select(t => $"{t.Width} {t.Height}"));
            await File.WriteAllLinesAsync(Path.Combine(staging, "info"), info2, deadline.Token);
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, "info")))
            {
                // Another build made the same set meanwhile; theirs is identical, and the staging copy is removed below.
            }

            return null;
        }
        catch (ImageFormatException e)
        {
            return $"image cannot be decoded: {e.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"image took more than {DecodeTimeout.TotalSeconds:0} s to decode";
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Largest first, each made from the one before, so most resampling happens on small images.</summary>
    private async Task WriteVariantsAsync(Image image, List<(int Width, int Height)> targets, string staging, string fallback, CancellationToken cancellationToken)
    {
        var current = image;
        try
        {
            foreach (var (width, height) in targets.OrderByDescending(t => t.Width))
            {
                var next = width == current.Width && height == current.Height ? current : current.Clone(x => x.Resize(width, height, KnownResamplers.Lanczos3));
                if (!ReferenceEquals(current, image) && !ReferenceEquals(current, next))
                {
                    current.Dispose();
                }

                current = next;
                await current.SaveAsync(Path.Combine(staging, $"{width}.webp"), new WebpEncoder { Quality = settings.Quality, Method = WebpEncodingMethod.Level2 }, cancellationToken);
                await current.SaveAsync(Path.Combine(staging, $"{width}{fallback}"), Encoder(fallback), cancellationToken);
            }
        }
        finally
        {
            if (!ReferenceEquals(current, image))
            {
                current.Dispose();
            }
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var source = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(source, cancellationToken))[..32];
    }

    private IImageEncoder Encoder(string fallback) =>
        fallback == ".jpg" ? new JpegEncoder { Quality = settings.Quality } : new PngEncoder { CompressionLevel = PngCompressionLevel.BestCompression };
}
