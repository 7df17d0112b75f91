using System.Xml.Linq;
using PopCulture.Site.Model;
using PopCulture.Site.Output;

namespace PopCulture.Site.Tests;

public class OutputWriterTests
{
    private static readonly SiteUrls Urls = new("https://example.org/pop/");
    private static readonly HashSet<string> Published = ["/", "/parks/", "/parks/a/", "/parks/a/photo.svg", "/assets/css/site.1.css"];

    [Theory]
    [InlineData("<a href=\"/pop/parks/\">", null)]
    [InlineData("<a href=\"/pop/parks/a/#exhibits\">", null)]
    [InlineData("<a href=\"https://example.org/pop/parks/a/\">", null)]
    [InlineData("<a href=\"https://www.suzhou.gov.cn/\">", null)]
    [InlineData("<a href=\"#top\">", null)]
    [InlineData("<img srcset=\"/pop/parks/a/photo.svg 1x, /pop/parks/a/photo.svg 2x\" alt=\"\">", null)]
    [InlineData("<a href=\"/pop/parks/b/\">", "broken link /pop/parks/b/: nothing is published there")]
    [InlineData("<a href=\"/parks/\">", "links to /parks/, outside the site's base path /pop/")]
    [InlineData("<script src=\"https://cdn.example.com/x.js\"></script>", "loads https://cdn.example.com/x.js from another host: pages must make no outside requests")]
    [InlineData("<img src=\"//cdn.example.com/x.png\" alt=\"x\">", "loads //cdn.example.com/x.png from another host: pages must make no outside requests")]
    [InlineData("<a href=\"/pop/parks/?a=1&amp;b=2\">", null)]
    public void The_link_checker_knows_what_the_build_publishes(string html, string? expected)
    {
        var problems = new LinkChecker(Urls, Published).Check(html).ToList();

        if (expected is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Equal(expected, Assert.Single(problems));
        }
    }

    [Fact]
    public void Site_paths_map_to_files_and_never_climb_out()
    {
        Assert.Equal("index.html", SiteOutput.RelativePathOf("/"));
        Assert.Equal(Path.Combine("parks", "a", "index.html"), SiteOutput.RelativePathOf("/parks/a/"));
        Assert.Equal("404.html", SiteOutput.RelativePathOf("/404.html"));
        Assert.Throws<ArgumentException>(() => SiteOutput.RelativePathOf("/parks/../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => SiteOutput.RelativePathOf("/parks//x"));
    }

    [Fact]
    public void The_sitemap_is_valid_xml_with_escaped_absolute_urls()
    {
        var xml = XDocument.Parse(SitemapWriter.Write(Urls, [("/", null), ("/parks/tags/幸福家庭/", new DateOnly(2013, 2, 3))]));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = xml.Descendants(ns + "url").ToList();
        Assert.Equal("https://example.org/pop/", urls[0].Element(ns + "loc")!.Value);
        Assert.Equal("https://example.org/pop/parks/tags/%E5%B9%B8%E7%A6%8F%E5%AE%B6%E5%BA%AD/", urls[1].Element(ns + "loc")!.Value);
        Assert.Equal("2013-02-03", urls[1].Element(ns + "lastmod")!.Value);
    }

    [Fact]
    public async Task Feeds_list_the_newest_dated_items_first_and_at_most_twenty()
    {
        using var site = new TempSite().WithBasics();
        for (var i = 1; i <= 25; i++)
        {
            site.With($"news/n{i}.md", $"---\ntitle: 新闻{i}\ndate: 2013-01-{i:00}\nsummary: 摘要{i}\n---\n");
        }

        Assert.True((await site.BuildAsync()).Succeeded);

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(site.Read("news/index.xml"));
        var titles = feed.Descendants(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Equal(FeedWriter.MaxEntries, titles.Count);
        Assert.Equal("新闻25", titles[0]);
        Assert.Equal("新闻6", titles[^1]);
        Assert.Equal("2013-01-25T00:00:00+08:00", feed.Root!.Element(atom + "updated")!.Value);
    }
}
