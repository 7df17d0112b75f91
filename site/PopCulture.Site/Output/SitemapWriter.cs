using System.Globalization;
using System.Text;
using System.Xml;
using PopCulture.Site.Model;

namespace PopCulture.Site.Output;

/// <summary>Writes <c>sitemap.xml</c> listing every indexable page with its last change.</summary>
public static class SitemapWriter
{
    public static string Write(SiteUrls urls, IEnumerable<(string Url, DateOnly? LastModified)> pages)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(pages);
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (url, lastModified) in pages)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", new Uri(urls.Absolute(url)).AbsoluteUri);
                if (lastModified is { } date)
                {
                    writer.WriteElementString("lastmod", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
