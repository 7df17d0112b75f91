using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Manager.Editing;

namespace PopCulture.Cms.Manager;

/// <summary>
/// The media service's refusals in the manager's language. The service words them in English for API clients; the media
/// screens show each one in Chinese, matched by the shape of the message, and fall back to the form's general
/// translation (which keeps the original) for anything new.
/// </summary>
public static partial class MediaMessages
{
    public static string Translate(string message, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(text);
        if (TypeTooLarge().Match(message) is { Success: true } type)
        {
            return text["Media.Error.TooLarge", type.Groups[1].Value, type.Groups[2].Value, type.Groups[3].Value];
        }

        if (UploadTooLarge().Match(message) is { Success: true } upload)
        {
            return text["Media.Error.UploadTooLarge", upload.Groups[1].Value];
        }

        if (Extension().Match(message) is { Success: true } extension)
        {
            return text["Media.Error.Extension", extension.Groups[1].Value, extension.Groups[2].Value];
        }

        if (Dimensions().Match(message) is { Success: true } size)
        {
            return text["Media.Error.Dimensions", size.Groups[1].Value, size.Groups[2].Value, size.Groups[3].Value, size.Groups[4].Value];
        }

        if (Frames().Match(message) is { Success: true } frames)
        {
            return text["Media.Error.Frames", frames.Groups[1].Value, frames.Groups[2].Value];
        }

        if (Length().Match(message) is { Success: true } length)
        {
            return text["Media.Error.Length", length.Groups[1].Value];
        }

        var key = message switch
        {
            _ when message.StartsWith("the file is empty", StringComparison.Ordinal) => "Media.Error.Empty",
            _ when message.StartsWith("SVG files are not accepted", StringComparison.Ordinal) => "Media.Error.Svg",
            _ when message.StartsWith("the file is not a JPEG", StringComparison.Ordinal) => "Media.Error.Type",
            _ when message.Contains("contains script", StringComparison.Ordinal) || message.Contains("contains HTML or script", StringComparison.Ordinal) => "Media.Error.Script",
            _ when message.Contains("damaged or incomplete", StringComparison.Ordinal) => "Media.Error.Damaged",
            _ when message.Contains("took too long to decode", StringComparison.Ordinal) => "Media.Error.Slow",
            _ when message.StartsWith("folder must be", StringComparison.Ordinal) => "Media.Error.Folder",
            _ when message.StartsWith("at most 20 tags", StringComparison.Ordinal) => "Media.Error.Tags",
            _ when message.StartsWith("focalX must be", StringComparison.Ordinal) || message.StartsWith("focalY must be", StringComparison.Ordinal) => "Media.Error.Focal",
            _ => null,
        };
        return key is null ? FieldErrors.Translate(message, text) : text[key];
    }

    [GeneratedRegex(@"^(\S+) files may be at most ([\d.]+) MB; this one is ([\d.]+) MB")]
    private static partial Regex TypeTooLarge();

    [GeneratedRegex(@"^the file is larger than (\d+) MB")]
    private static partial Regex UploadTooLarge();

    [GeneratedRegex(@"^the file name ends in (\S+) but the file is (\S+?):")]
    private static partial Regex Extension();

    [GeneratedRegex(@"declares (\d+) × (\d+) pixels; at most (\d+) pixels a side and (\d+) megapixels")]
    private static partial Regex Dimensions();

    [GeneratedRegex(@"^the animation has (\d+) frames; at most (\d+)")]
    private static partial Regex Frames();

    [GeneratedRegex(@"^\w+ may be at most (\d+) characters")]
    private static partial Regex Length();
}
