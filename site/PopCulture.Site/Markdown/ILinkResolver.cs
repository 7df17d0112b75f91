using PopCulture.Site.Content;

namespace PopCulture.Site.Markdown;

/// <summary>Turns a link or image reference written in content into the URL to publish, checking that it exists.</summary>
public interface ILinkResolver
{
    /// <summary>Returns the URL to write, or null after reporting a problem at <paramref name="line"/>.</summary>
    string? Resolve(ContentItem item, string url, bool isImage, int line);
}
