using PopCulture.Site.Content;
using PopCulture.Site.Markdown;

namespace PopCulture.Site.Tests;

public class MarkdownRendererTests
{
    private static readonly ContentItem Item = new()
    {
        Section = "news",
        Slug = "x",
        Type = ContentTypes.Article,
        Title = "测试",
        SourcePath = "content/news/x/index.md",
        BundlePath = "news/x",
        BodyLine = 5,
    };

    /// <summary>Knows one page and one image; anything else is reported like the real resolver does.</summary>
    private sealed class FakeLinks : ILinkResolver
    {
        public string? Resolve(ContentItem item, string url, bool isImage, int line) =>
            url switch
            {
                "/parks/" => "/parks/",
                "../parks/a.md" => "/parks/a/",
                "photo.svg" => "/news/x/photo.svg",
                _ when url.StartsWith("https://", StringComparison.Ordinal) && !isImage => url,
                _ => Fail(item, url, line),
            };

        public DiagnosticBag Diagnostics { get; } = new();

        private string? Fail(ContentItem item, string url, int line)
        {
            Diagnostics.Error(item.SourcePath, line, $"broken link {url}");
            return null;
        }
    }

    public static TheoryData<string> GoldenCases() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Golden", "markdown"), "*.md").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Renders_markdown_as_in_the_golden_file(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Golden", "markdown");
        var links = new FakeLinks();
        var rendered = new MarkdownRenderer().Render(Item, File.ReadAllText(Path.Combine(folder, name + ".md")), 1, links, links.Diagnostics);

        Assert.Empty(links.Diagnostics.Snapshot());
        Assert.Equal(File.ReadAllText(Path.Combine(folder, name + ".html")).ReplaceLineEndings("\n").Trim(), rendered.Html.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void Headings_become_the_table_of_contents_with_chinese_ids()
    {
        var links = new FakeLinks();
        var rendered = new MarkdownRenderer().Render(Item, "# 题目\n\n## 为什么重要\n\n### 在家 *怎么* 做\n\n#### 太深\n", 1, links, links.Diagnostics);

        Assert.Equal([new TocEntry(2, "为什么重要", "为什么重要"), new TocEntry(3, "在家-怎么-做", "在家 怎么 做")], rendered.Toc);
    }

    [Fact]
    public void An_image_without_alt_text_is_reported_on_its_line()
    {
        var links = new FakeLinks();
        new MarkdownRenderer().Render(Item, links, links.Diagnostics);
        var item = Item with { Body = "第一行\n\n![](photo.svg)\n" };

        new MarkdownRenderer().Render(item, links, links.Diagnostics);

        var problem = Assert.Single(links.Diagnostics.Snapshot());
        Assert.Equal("content/news/x/index.md:7: image photo.svg has no alt text: write ![what the image shows](photo.svg)", problem.ToString());
    }

    [Fact]
    public void Broken_links_are_reported_with_the_source_line_and_neutralised()
    {
        var links = new FakeLinks();
        var item = Item with { Body = "正文\n\n见[不存在的页面](/nowhere/)。\n" };

        var rendered = new MarkdownRenderer().Render(item, links, links.Diagnostics);

        Assert.Equal("content/news/x/index.md:7: broken link /nowhere/", Assert.Single(links.Diagnostics.Snapshot()).ToString());
        Assert.Contains("href=\"#\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_from_an_editor_is_sanitised()
    {
        var html = HtmlOf("<p onclick=\"steal()\">你好<script>alert(1)</script></p>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n正文 <b>加粗</b>\n");

        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>加粗</b>", html, StringComparison.Ordinal);
        Assert.Contains("你好", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_editor_s_own_table_scrolls_in_a_named_region_the_keyboard_can_reach()
    {
        var html = HtmlOf("<table class=\"wide\" role=\"presentation\"><tr><td>月龄</td><td>0–3</td></tr></table>\n");

        Assert.StartsWith("<div class=\"table-scroll\" role=\"region\" aria-label=\"表格\" tabindex=\"0\"><table class=\"wide\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</table></div>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("presentation", html, StringComparison.Ordinal); // the sanitiser still drops editors' roles
    }

    [Fact]
    public void Several_tables_get_distinct_names()
    {
        var html = HtmlOf("| 月龄 | 练习 |\n|---|---|\n| 0–3 | 趴着 |\n\n正文。\n\n| 月龄 | 练习 |\n|---|---|\n| 4–6 | 翻身 |\n");

        Assert.Contains("aria-label=\"表格 1\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"表格 2\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("</table></div>").Length - 1);
    }

    /// <summary>The HTML of a body rendered with the fake resolver.</summary>
    private static string HtmlOf(string body)
    {
        var links = new FakeLinks();
        return new MarkdownRenderer().Render(Item with { Body = body }, links, links.Diagnostics).Html;
    }
}
