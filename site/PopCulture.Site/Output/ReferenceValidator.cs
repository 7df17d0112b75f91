using PopCulture.Site.Content;
using PopCulture.Site.Markdown;
using PopCulture.Site.Model;

namespace PopCulture.Site.Output;

/// <summary>Checks the media an item names in front matter (cover, handouts) exist beside it.</summary>
public static class ReferenceValidator
{
    public static void Validate(SiteModel model, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var item in model.Items)
        {
            if (item.Cover is { } cover)
            {
                CheckFile(item, cover.Src, "cover", model, diagnostics, mustBeImage: true);
            }

            if (item.Fields is LessonFields lesson)
            {
                foreach (var handout in lesson.Handouts)
                {
                    CheckFile(item, handout.Src, "handouts", model, diagnostics, mustBeImage: false);
                }
            }
        }
    }

    private static void CheckFile(ContentItem item, string src, string key, SiteModel model, DiagnosticBag diagnostics, bool mustBeImage)
    {
        var mediaKey = ContentLinkResolver.Combine(item.BundlePath ?? "", src);
        if (mediaKey is null || !model.MediaUrls.ContainsKey(mediaKey))
        {
            diagnostics.Error(item.SourcePath, item.LineOf(key), $"{key}: file {src} not found beside {item.SourcePath}");
        }
        else if (mustBeImage && !IsImage(src))
        {
            diagnostics.Error(item.SourcePath, item.LineOf(key), $"{key}: {src} is not an image (png, jpg, gif, webp, svg, avif)");
        }
    }

    internal static bool IsImage(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".PNG" or ".JPG" or ".JPEG" or ".GIF" or ".WEBP" or ".SVG" or ".AVIF";
}
