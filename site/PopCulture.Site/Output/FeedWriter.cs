using System.Globalization;
using System.Text;
using System.Xml;
using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Output;

/// <summary>Writes Atom feeds: one for the site and one per section, newest dated items first.</summary>
public static class FeedWriter
{
    public const int MaxEntries = 20;

    public static string Write(SiteUrls urls, SiteModel model, string title, string feedPath, string pagePath, IEnumerable<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(model);
        var entries = items.Where(i => i.Date is not null && !i.IsIndex)
            .OrderByDescending(i => i.Updated ?? i.Date)
            .ThenBy(i => i.SourcePath, StringComparer.Ordinal)
            .Take(MaxEntries)
            .ToList();
        var updated = entries.Count > 0 ? entries.Max(i => i.Updated ?? i.Date)!.Value : new DateOnly(2011, 9, 29);

        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            writer.WriteAttributeString("xml", "lang", null, "zh-CN");
            writer.WriteElementString("title", title);
            writer.WriteElementString("id", urls.Absolute(pagePath));
            writer.WriteElementString("updated", Timestamp(updated));
            Link(writer, "self", urls.Absolute(feedPath));
            Link(writer, "alternate", urls.Absolute(pagePath));
            foreach (var item in entries)
            {
                var url = urls.Absolute(model.UrlOf(item));
                writer.WriteStartElement("entry");
                writer.WriteElementString("title", item.Title);
                writer.WriteElementString("id", url);
                Link(writer, "alternate", url);
                writer.WriteElementString("published", Timestamp(item.Date!.Value));
                writer.WriteElementString("updated", Timestamp(item.Updated ?? item.Date!.Value));
                if (item.Summary is { } summary)
                {
                    writer.WriteElementString("summary", summary);
                }

                foreach (var term in item.Categories.Concat(item.Tags))
                {
                    writer.WriteStartElement("category");
                    writer.WriteAttributeString("term", term);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter writer, string rel, string href)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    // Content dates carry no time of day; publish them at midnight China Standard Time.
    private static string Timestamp(DateOnly date) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+08:00";
}
