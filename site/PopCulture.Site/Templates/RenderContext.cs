using PopCulture.Site.Content;
using PopCulture.Site.Markdown;
using PopCulture.Site.Model;

namespace PopCulture.Site.Templates;

/// <summary>What views need to link items together: the routed site, its URLs and the Markdown stage.</summary>
public sealed class RenderContext(
    SiteModel model, SiteUrls urls, MarkdownRenderer markdown, ILinkResolver links, DiagnosticBag diagnostics)
{
    public SiteModel Model { get; } = model;

    public SiteUrls Urls { get; } = urls;

    public MarkdownRenderer Markdown { get; } = markdown;

    public ILinkResolver Links { get; } = links;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The responsive variants of the content's images.</summary>
    public Images.ImageCatalog Images { get; init; } = PopCulture.Site.Images.ImageCatalog.Empty;

    /// <summary>A view of an item for lists: no rendered body.</summary>
    public ItemView Summary(ContentItem item) => new(item, this, null);

    public MediaView? Media(ContentItem item, MediaReference? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var key = ContentLinkResolver.Combine(item.BundlePath ?? "", reference.Src);
        if (key is null || !Model.MediaUrls.TryGetValue(key, out var path))
        {
            return null;
        }

        var link = Urls.Link(path);
        return new MediaView(link, reference.Alt, Urls.Absolute(path)) { Image = Images.Find(link), CropImages = Images.CropsOf(link) };
    }
}
