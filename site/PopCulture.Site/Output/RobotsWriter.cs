using PopCulture.Site.Model;

namespace PopCulture.Site.Output;

/// <summary>Writes <c>robots.txt</c>, pointing crawlers at the sitemap.</summary>
public static class RobotsWriter
{
    public static string Write(SiteUrls urls) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {urls.Absolute("/sitemap.xml")}\n";
}
