using System.Globalization;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Manager;

/// <summary>The media item form as posted: text as typed, so a refused save shows the editor's own input again.</summary>
public sealed class MediaFormValues
{
    public string? Title { get; set; }

    public string? Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public string? Folder { get; set; }

    public string? Tags { get; set; }

    public string? FocalX { get; set; }

    public string? FocalY { get; set; }

    /// <summary>The form as it opens on an item.</summary>
    public static MediaFormValues Of(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new MediaFormValues
        {
            Title = item.Title,
            Alt = item.Alt,
            Caption = item.Caption,
            Credit = item.Credit,
            Folder = item.Folder,
            Tags = string.Join(", ", MediaService.SplitTags(item.Tags)),
            FocalX = Number(item.FocalX),
            FocalY = Number(item.FocalY),
        };
    }

    /// <summary>A focal coordinate as the number inputs take it: invariant, at most three decimals.</summary>
    public static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A posted coordinate: null when left empty (the item keeps its own), false when it is not a number.</summary>
    public static bool TryCoordinate(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
