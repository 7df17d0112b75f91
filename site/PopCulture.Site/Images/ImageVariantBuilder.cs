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
/// Makes the responsive variants of one image (each theme width as WebP and in the original's format), cached on
/// disk by the image's content hash and the settings: a rebuild with unchanged images decodes nothing.
/// </summary>
public sealed class ImageVariantBuilder(string cacheDirectory, ImageSettings settings)
{
    /// <summary>Decoding budget for content images; the CMS already refuses larger uploads.</summary>
    public const long MaxPixels = 40_000_000;

    private static readonly TimeSpan DecodeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The variants of one image: the image as pages use it, and each file to copy from the cache.</summary>
    public sealed record Outcome(ResponsiveImage? Image, IReadOnlyList<(string SitePath, string CachedPath)> Files, string? Problem, bool Decoded);

    public async Task<Outcome> BuildAsync(MediaFile media, string sitePath, Func<string, string> link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(link);
        string hash;
        await using (var source = File.OpenRead(media.PhysicalPath))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(source, cancellationToken))[..32];
        }

        var extension = Path.GetExtension(sitePath).ToLowerInvariant();
        var fallback = extension is ".jpg" or ".jpeg" ? ".jpg" : ".png";
        var folder = Path.Combine(cacheDirectory, "images", hash[..2], $"{hash}-{settings.Key}");
        var decoded = false;
        if (!File.Exists(Path.Combine(folder, "info")))
        {
            var problem = await RenderAsync(media.PhysicalPath, folder, fallback, cancellationToken);
            if (problem is not null)
            {
                return new Outcome(null, [], problem, true);
            }

            decoded = true;
        }

        var info = (await File.ReadAllTextAsync(Path.Combine(folder, "info"), cancellationToken)).Split(' ');
        var width = int.Parse(info[0], CultureInfo.InvariantCulture);
        var height = int.Parse(info[1], CultureInfo.InvariantCulture);
        var stem = sitePath[..^Path.GetExtension(sitePath).Length];
        var variants = new List<ImageVariant>();
        var files = new List<(string, string)>();
        foreach (var w in Widths(width))
        {
            var webp = $"{stem}.{w}.webp";
            var other = $"{stem}.{w}{fallback}";
            variants.Add(new ImageVariant(w, link(webp), link(other)));
            files.Add((webp, Path.Combine(folder, $"{w}.webp")));
            files.Add((other, Path.Combine(folder, $"{w}{fallback}")));
        }

        return new Outcome(new ResponsiveImage(link(sitePath), width, height, variants), files, null, decoded);
    }

    /// <summary>
    /// Makes a fixed-ratio crop of an image around its focal point, at the crop's widths, cached like the variants:
    /// <c>park.card.360.webp</c> beside <c>park.png</c>.
    /// </summary>
    public async Task<Outcome> BuildCropAsync(
        MediaFile media, string sitePath, string name, CropSettings crop, double focalX, double focalY, Func<string, string> link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(crop);
        ArgumentNullException.ThrowIfNull(link);
        string hash;
        await using (var source = File.OpenRead(media.PhysicalPath))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(source, cancellationToken))[..32];
        }

        var fallback = Path.GetExtension(sitePath).ToLowerInvariant() is ".jpg" or ".jpeg" ? ".jpg" : ".png";
        var focus = string.Create(CultureInfo.InvariantCulture, $"f{focalX:0.###}-{focalY:0.###}");
        var folder = Path.Combine(cacheDirectory, "images", hash[..2], $"{hash}-{crop.Key}-{focus}-q{settings.Quality}");
        var decoded = false;
        if (!File.Exists(Path.Combine(folder, "info")))
        {
            var info = await Image.IdentifyAsync(media.PhysicalPath, cancellationToken);
            if (info is null || (long)info.Width * info.Height > MaxPixels)
            {
                return new Outcome(null, [], "not an image the build can crop", true);
            }

            using var image = await Image.LoadAsync(media.PhysicalPath, cancellationToken);
            image.Mutate(x => x.AutoOrient());
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Mutate(x => x.Crop(CropArea(image.Width, image.Height, crop, focalX, focalY)));
            var staging = $"{folder}.{Guid.NewGuid():N}.tmp";
            Directory.CreateDirectory(staging);
            try
            {
                foreach (var width in crop.Widths.Where(w => w <= image.Width).DefaultIfEmpty(image.Width))
                {
                    using var resized = image.Clone(x => x.Resize(width, (int)Math.Round(width * (double)crop.RatioHeight / crop.RatioWidth), KnownResamplers.Lanczos3));
                    await resized.SaveAsync(Path.Combine(staging, $"{width}.webp"), new WebpEncoder { Quality = settings.Quality, Method = WebpEncodingMethod.Level2 }, cancellationToken);
                    await resized.SaveAsync(Path.Combine(staging, $"{width}{fallback}"), Encoder(fallback), cancellationToken);
                }

                var widths = string.Join(' ', crop.Widths.Where(w => w <= image.Width).DefaultIfEmpty(image.Width));
                await File.WriteAllTextAsync(Path.Combine(staging, "info"), widths, cancellationToken);
                Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
                try
                {
                    Directory.Move(staging, folder);
                }
                catch (IOException) when (File.Exists(Path.Combine(folder, "info")))
                {
                    // Another build made the same crop meanwhile.
                }
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }

            decoded = true;
        }

        var made = (await File.ReadAllTextAsync(Path.Combine(folder, "info"), cancellationToken)).Split(' ').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
        var stem = sitePath[..^Path.GetExtension(sitePath).Length];
        var variants = new List<ImageVariant>();
        var files = new List<(string, string)>();
        foreach (var w in made)
        {
            var webp = $"{stem}.{name}.{w}.webp";
            var other = $"{stem}.{name}.{w}{fallback}";
            variants.Add(new ImageVariant(w, link(webp), link(other)));
            files.Add((webp, Path.Combine(folder, $"{w}.webp")));
            files.Add((other, Path.Combine(folder, $"{w}{fallback}")));
        }

        var largest = made.Max();
        var image2 = new ResponsiveImage(link($"{stem}.{name}.{largest}{fallback}"), largest, (int)Math.Round(largest * (double)crop.RatioHeight / crop.RatioWidth), variants);
        return new Outcome(image2, files, null, decoded);
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

    /// <summary>The widths made for an image <paramref name="width"/> wide: each smaller theme width, or the image's own if none is smaller.</summary>
    private List<int> Widths(int width)
    {
        var smaller = settings.Widths.Where(w => w < width).ToList();
        return smaller.Count > 0 ? smaller : [width];
    }

    private async Task<string?> RenderAsync(string path, string folder, string fallback, CancellationToken cancellationToken)
    {
        var info = await Image.IdentifyAsync(path, cancellationToken);
        if (info is null)
        {
            return "not an image the build can read";
        }

        if ((long)info.Width * info.Height > MaxPixels)
        {
            return $"the image is {info.Width} × {info.Height} pixels; at most {MaxPixels / 1_000_000} megapixels are accepted";
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(DecodeTimeout);
        using var image = await Image.LoadAsync(path, deadline.Token);
        image.Mutate(x => x.AutoOrient());
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;

        // Written to a private folder and moved into place, so a parallel or interrupted build never sees half a set.
        var staging = $"{folder}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(staging);
        try
        {
            // Largest first, each made from the one before: most of the resampling work is then done on small images.
            var current = image;
            try
            {
                foreach (var width in Widths(image.Width).OrderDescending())
                {
                    var resized = width == current.Width ? current : current.Clone(x => x.Resize(width, 0, KnownResamplers.Lanczos3));
                    if (!ReferenceEquals(current, image) && !ReferenceEquals(current, resized))
                    {
                        current.Dispose();
                    }

                    current = resized;
                    await current.SaveAsync(Path.Combine(staging, $"{width}.webp"), new WebpEncoder { Quality = settings.Quality, Method = WebpEncodingMethod.Level2 }, deadline.Token);
                    await current.SaveAsync(Path.Combine(staging, $"{width}{fallback}"), Encoder(fallback), deadline.Token);
                }
            }
            finally
            {
                if (!ReferenceEquals(current, image))
                {
                    current.Dispose();
                }
            }

            await File.WriteAllTextAsync(Path.Combine(staging, "info"), string.Create(CultureInfo.InvariantCulture, $"{image.Width} {image.Height}"), deadline.Token);
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, "info")))
            {
                // Another build made the same variants meanwhile; theirs are identical.
                Directory.Delete(staging, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return null;
    }

    private IImageEncoder Encoder(string fallback) =>
        fallback == ".jpg" ? new JpegEncoder { Quality = settings.Quality } : new PngEncoder { CompressionLevel = PngCompressionLevel.BestCompression };
}
