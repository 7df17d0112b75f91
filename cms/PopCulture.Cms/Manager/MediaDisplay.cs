using System.Globalization;

namespace PopCulture.Cms.Manager;

/// <summary>How the media screens show a file's size: KB under a megabyte, MB above, one decimal.</summary>
public static class MediaDisplay
{
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 512) / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024.0):0.#} MB");
}
