using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Processing;

namespace PopCulture.Cms.Media;

/// <summary>
/// Checks and normalises an uploaded image with bounded work: dimensions are read from the header first (a bomb
/// declaring billions of pixels is refused before any decoding), decoding has a deadline, orientation is applied
/// and every metadata block (EXIF with GPS, IPTC, XMP) is dropped before the image is stored again.
/// </summary>
public sealed class ImageInspector(MediaOptions options)
{
    // A private configuration: a small pool, and only the four formats the library accepts.
    private readonly Configuration _configuration = CreateConfiguration();

    /// <summary>The normalised image, or why it was refused.</summary>
    public sealed record Result(byte[]? Bytes, int Width, int Height, string? Problem);

    public async Task<Result> NormaliseAsync(Stream file, MediaSniffer.FileType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(type);
        if (type == MediaSniffer.Jpeg && !await HasEndOfImageAsync(file, cancellationToken))
        {
            // ImageSharp fills a cut-off JPEG with grey instead of failing; the missing end marker gives it away.
            return Refused("the image is damaged or incomplete and cannot be read");
        }

        file.Position = 0;
        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(_configuration, file, cancellationToken);
        }
        catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return Refused("the image is damaged or incomplete and cannot be read");
        }

        if (info is null)
        {
            return Refused("the image is damaged or incomplete and cannot be read");
        }

        var pixels = (long)info.Width * info.Height;
        if (info.Width <= 0 || info.Height <= 0 || info.Width > options.MaxSide || info.Height > options.MaxSide || pixels > options.MaxPixels)
        {
            return Refused($"the image declares {info.Width} × {info.Height} pixels; at most {options.MaxSide} pixels a side and {options.MaxPixels / 1_000_000} megapixels are accepted");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.DecodeTimeout);
        file.Position = 0;
        try
        {
            using var image = await Image.LoadAsync(_configuration, file, deadline.Token);
            if (image.Frames.Count > options.MaxFrames || pixels * image.Frames.Count > options.MaxPixels * 4)
            {
                return Refused($"the animation has {image.Frames.Count} frames; at most {options.MaxFrames} are accepted");
            }

            image.Mutate(x => x.AutoOrient());
            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            foreach (var frame in image.Frames)
            {
                frame.Metadata.ExifProfile = null;
                frame.Metadata.IptcProfile = null;
                frame.Metadata.XmpProfile = null;
            }

            using var output = new MemoryStream();
            await image.SaveAsync(output, Encoder(type), deadline.Token);
            return new Result(output.ToArray(), image.Width, image.Height, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused("the image took too long to decode");
        }
        catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or NotSupportedException or InvalidMemoryOperationException)
        {
            return Refused("the image is damaged or incomplete and cannot be decoded");
        }
    }

    private static Result Refused(string problem) => new(null, 0, 0, problem);

    /// <summary>
    /// True when an end-of-image marker (FF D9) follows the last start-of-scan (FF DA). Inside scan data every FF is
    /// followed by 00 or a restart marker, so FF D9 there can only be the real end; an EXIF thumbnail's own markers
    /// come before the main scan and do not count.
    /// </summary>
    private static async Task<bool> HasEndOfImageAsync(Stream file, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        file.Position = 0;
        await file.CopyToAsync(copy, cancellationToken);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        var scan = bytes.LastIndexOf((byte[])[0xFF, 0xDA]);
        return scan >= 0 && bytes[scan..].IndexOf((byte[])[0xFF, 0xD9]) >= 0;
    }

    private static IImageEncoder Encoder(MediaSniffer.FileType type) =>
        type.ContentType switch
        {
            "image/jpeg" => new JpegEncoder { Quality = 90 },
            "image/png" => new PngEncoder(),
            "image/webp" => new WebpEncoder { Quality = 90 },
            _ => new GifEncoder(),
        };

    private static Configuration CreateConfiguration()
    {
        var configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = 64 }),
            MaxDegreeOfParallelism = 1,
        };
        return configuration;
    }
}
