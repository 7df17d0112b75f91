namespace PopCulture.Cms.Media;

/// <summary>Limits on uploads, under <c>PopCulture:Media</c>.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "PopCulture:Media";

    public long MaxImageBytes { get; set; } = 20 * 1024 * 1024;

    public long MaxPdfBytes { get; set; } = 20 * 1024 * 1024;

    public long MaxVideoBytes { get; set; } = 200 * 1024 * 1024;

    /// <summary>Decoding budget: a 40-megapixel photo is plenty for the web; bombs declare billions.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    public int MaxSide { get; set; } = 16_384;

    public int MaxFrames { get; set; } = 300;

    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public long LargestUpload => Math.Max(MaxImageBytes, Math.Max(MaxPdfBytes, MaxVideoBytes));
}
