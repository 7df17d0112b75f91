using System.Collections.Concurrent;
using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Images;

/// <summary>The images stage: every raster image of the content with its variants, found by its published link.</summary>
public sealed class ImageCatalog
{
    private static readonly string[] Raster = [".png", ".jpg", ".jpeg", ".webp"];

    private readonly ConcurrentDictionary<string, ResponsiveImage> _byLink = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Link, string Crop), ResponsiveImage> _crops = new();
    private readonly ConcurrentBag<(string SitePath, string CachedPath)> _files = [];

    /// <summary>Variant files to publish: site path and the cached file to copy.</summary>
    public IEnumerable<(string SitePath, string CachedPath)> Files => _files;

    /// <summary>How many images had to be decoded (the rest came from the cache).</summary>
    public int Decoded { get; private set; }

    public static readonly ImageCatalog Empty = new();

    /// <summary>The image published at <paramref name="link"/> (as written in pages), if it is one the stage processed.</summary>
    public ResponsiveImage? Find(string link) => _byLink.GetValueOrDefault(link);

    /// <summary>The theme's named crops made of the image at <paramref name="link"/> (covers only).</summary>
    public IReadOnlyDictionary<string, ResponsiveImage> CropsOf(string link) =>
        _crops.Where(c => c.Key.Link == link).ToDictionary(c => c.Key.Crop, c => c.Value, StringComparer.Ordinal);

    public static async Task<ImageCatalog> BuildAsync(
        SiteModel model, IReadOnlyDictionary<string, MediaFile> media, ImageVariantBuilder builder, SiteUrls urls, int parallelism,
        DiagnosticBag diagnostics, CancellationToken cancellationToken, ImageSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(urls);
        var catalog = new ImageCatalog();
        foreach (var (key, sitePath) in model.MediaUrls.Where(m => Path.GetExtension(m.Key).ToLowerInvariant() is ".svg" or ".gif"))
        {
            // No variants for vector drawings or animations, but their size still goes on the page so nothing shifts.
            var (size, problem) = await IntrinsicSizeAsync(media[key].PhysicalPath, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                diagnostics.Error($"content/{key}", 0, problem);
            }
            else if (size is { } known)
            {
                catalog._byLink[urls.Link(sitePath)] = new ResponsiveImage(urls.Link(sitePath), known.Width, known.Height, []);
            }
        }

        var images = model.MediaUrls.Where(m => Raster.Contains(Path.GetExtension(m.Key).ToLowerInvariant())).ToList();
        var decoded = 0;
        await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (entry, ct) =>
        {
            var (key, sitePath) = entry;
            var outcome = await builder.BuildAsync(media[key], sitePath, urls.Link, ct).ConfigureAwait(false);
            if (outcome.Problem is not null)
            {
                diagnostics.Error($"content/{key}", 0, outcome.Problem);
                return;
            }

            catalog._byLink[urls.Link(sitePath)] = outcome.Image!;
            foreach (var file in outcome.Files)
            {
                catalog._files.Add(file);
            }

            if (outcome.Decoded)
            {
                Interlocked.Increment(ref decoded);
            }
        });
        catalog.Decoded = decoded;
        if (settings is { Crops.Count: > 0 })
        {
            await catalog.CropCoversAsync(model, media, builder, settings, urls, parallelism, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        return catalog;
    }

    // Covers appear in lists as cards of one shape; crops are made for them only, around each cover's focal point.
    private async Task CropCoversAsync(
        SiteModel model, IReadOnlyDictionary<string, MediaFile> media, ImageVariantBuilder builder, ImageSettings settings, SiteUrls urls, int parallelism,
        DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var jobs = new List<(string Key, string SitePath, MediaReference Cover, string Name, CropSettings Crop)>();
        foreach (var item in model.Items.Where(i => i.Cover is not null))
        {
            var key = PopCulture.Site.Markdown.ContentLinkResolver.Combine(item.BundlePath ?? "", item.Cover!.Src);
            if (key is not null && Raster.Contains(Path.GetExtension(key).ToLowerInvariant()) && model.MediaUrls.TryGetValue(key, out var sitePath))
            {
                jobs.AddRange(settings.Crops.Select(c => (key, sitePath, item.Cover, c.Key, c.Value)));
            }
        }

        await Parallel.ForEachAsync(jobs.DistinctBy(j => (j.Key, j.Name)), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (job, ct) =>
        {
            var outcome = await builder.BuildCropAsync(media[job.Key], job.SitePath, job.Name, job.Crop, job.Cover.FocalX, job.Cover.FocalY, urls.Link, ct).ConfigureAwait(false);
            if (outcome.Problem is not null)
            {
                diagnostics.Error($"content/{job.Key}", 0, outcome.Problem);
                return;
            }

            _crops[(urls.Link(job.SitePath), job.Name)] = outcome.Image!;
            foreach (var file in outcome.Files)
            {
                _files.Add(file);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The size a GIF declares (a GIF that cannot be read is a problem), or an SVG's width and height (or viewBox);
    /// no size when an SVG does not say.
    /// </summary>
    internal static async Task<((int Width, int Height)? Size, string? Problem)> IntrinsicSizeAsync(string path, CancellationToken cancellationToken)
    {
        if (Path.GetExtension(path).Equals(".gif", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var info = await SixLabors.ImageSharp.Image.IdentifyAsync(path, cancellationToken).ConfigureAwait(false);
                return info is null ? (null, "not a GIF the build can read") : ((info.Width, info.Height), null);
            }
            catch (SixLabors.ImageSharp.ImageFormatException e)
            {
                return (null, $"image cannot be decoded: {e.Message}");
            }
        }

        try
        {
            // The root element only; no DTDs, so a hostile SVG cannot make the reader fetch or expand anything.
            using var reader = System.Xml.XmlReader.Create(path, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            if (reader.MoveToContent() != System.Xml.XmlNodeType.Element || reader.LocalName != "svg")
            {
                return (null, "the file is not an SVG drawing");
            }

            if (Number(reader.GetAttribute("width")) is { } w && Number(reader.GetAttribute("height")) is { } h)
            {
                return ((w, h), null);
            }

            var box = reader.GetAttribute("viewBox")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            return (box is { Length: 4 } && Number(box[2]) is { } bw && Number(box[3]) is { } bh ? (bw, bh) : null, null);
        }
        catch (System.Xml.XmlException e)
        {
            return (null, $"SVG is not well-formed XML: {e.Message}");
        }
    }

    private static int? Number(string? value) =>
        double.TryParse(value?.Replace("px", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0
            ? (int)Math.Round(number)
            : null;
}
