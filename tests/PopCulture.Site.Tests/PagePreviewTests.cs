using System.Text.RegularExpressions;
using PopCulture.Site.Content;

namespace PopCulture.Site.Tests;

/// <summary>One page rendered in memory over the published content, as the next build would show it, with a banner.</summary>
public partial class PagePreviewTests
{
    [Fact]
    public async Task Preview_renders_the_replaced_item_in_the_live_theme_and_writes_nothing()
    {
        using var site = new TempSite().WithBasics();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = OutputFiles(site);
        var published = await LoadAsync(site);
        var draft = published.Items.Single(i => i.ContentPath == "news/first.md") with { Title = "改过的标题", Body = "## 新小标题\n\n草稿正文。\n" };

        var result = await Preview(site).RenderAsync(published, draft, null, null, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal("/news/first/", result.Url);
        var html = result.Html!;
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("改过的标题", html, StringComparison.Ordinal);
        Assert.Contains("草稿正文。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("第一篇", html, StringComparison.Ordinal);
        Assert.Matches($"<body[^>]*>\\s*<div class=\"preview-banner\" role=\"status\"[^>]*>{PagePreview.BannerText}</div>\\s*<a class=\"skip-link\"", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
        Assert.Equal(CssLink().Match(site.Read("news/first/index.html")).Value, CssLink().Match(html).Value);
        Assert.Equal(before, OutputFiles(site));
    }

    [Fact]
    public async Task A_new_item_is_previewed_beside_the_published_ones_with_its_problems_in_the_banner()
    {
        using var site = new TempSite().WithBasics();
        var published = await LoadAsync(site);
        var draft = published.Items.Single(i => i.ContentPath == "news/first.md") with
        {
            Slug = "second",
            ContentPath = "news/second.md",
            SourcePath = "content/news/second.md",
            Title = "第二篇草稿",
            Body = "见[旧文](first.md)和[没有的文章](missing.md)。\n",
        };

        var result = await Preview(site).RenderAsync(published, draft, null, null, CancellationToken.None);

        Assert.Equal("/news/second/", result.Url);
        Assert.Contains("第二篇草稿", result.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/news/first/\"", result.Html, StringComparison.Ordinal); // links go to the live pages
        var problem = Assert.Single(result.Problems);
        Assert.Equal("content/news/second.md", problem.Path);
        Assert.Contains("missing.md", problem.Message, StringComparison.Ordinal);
        Assert.Contains("发布前需要修正", result.Html, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task A_section_introduction_is_previewed_on_the_section_page()
    {
        using var site = new TempSite().WithBasics();
        var published = await LoadAsync(site);
        var draft = published.Items.Single(i => i.ContentPath == "news/_index.md") with { Body = "新的栏目介绍。\n" };

        var result = await Preview(site).RenderAsync(published, draft, null, null, CancellationToken.None);

        Assert.Equal("/news/", result.Url);
        Assert.Contains("新的栏目介绍。", result.Html, StringComparison.Ordinal);
        Assert.Contains("第一篇", result.Html, StringComparison.Ordinal); // the published article is still listed
    }

    [Fact]
    public async Task Images_of_the_previewed_item_get_the_same_variants_as_in_a_build()
    {
        using var site = new TempSite().WithBasics()
            .WithImage("news/photo-story/cover.png", 800, 600)
            .With("news/photo-story/index.md", "---\ntitle: 图片故事\ndate: 2012-02-03\ncover: { src: cover.png, alt: 示意插画 }\n---\n![示意插画](cover.png)\n");
        Assert.True((await site.BuildAsync()).Succeeded);
        var published = await LoadAsync(site);
        var draft = published.Items.Single(i => i.ContentPath == "news/photo-story/index.md") with { Title = "图片故事（修改）" };

        var result = await Preview(site).RenderAsync(published, draft, null, null, CancellationToken.None);

        var picture = Picture().Match(site.Read("news/photo-story/index.html")).Value;
        Assert.Contains("cover.360.webp", picture, StringComparison.Ordinal);
        Assert.Contains(picture, result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_only_the_draft_uses_are_given_with_it_and_listed_with_the_page()
    {
        using var site = new TempSite().WithBasics()
            .WithImage("news/new-photo/shot.png", 800, 600)
            .With("news/new-photo/index.md", "---\ntitle: 新图片\ndate: 2012-02-03\ncover: { src: shot.png, alt: 示意插画 }\n---\n![示意插画](shot.png)\n");
        var loaded = await LoadAsync(site);
        var draft = loaded.Items.Single(i => i.ContentPath == "news/new-photo/index.md");
        // What the CMS publishes: neither the draft nor its files.
        var published = new ContentSnapshot([.. loaded.Items.Where(i => i != draft)], loaded.Data, loaded.Media.Where(m => m.Key != "news/new-photo/shot.png").ToDictionary());
        var files = new Dictionary<string, MediaFile> { ["news/new-photo/shot.png"] = loaded.Media["news/new-photo/shot.png"] };

        var result = await Preview(site).RenderAsync(published, draft, null, files, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Contains("/news/new-photo/shot.360.webp 360w", result.Html, StringComparison.Ordinal);
        Assert.Equal(loaded.Media["news/new-photo/shot.png"].PhysicalPath, result.Files["/news/new-photo/shot.png"]);
        Assert.True(File.Exists(result.Files["/news/new-photo/shot.360.webp"]));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task An_item_that_would_take_a_published_URL_has_no_page_and_the_problem_says_why()
    {
        using var site = new TempSite().WithBasics();
        var published = await LoadAsync(site);
        var draft = published.Items.Single(i => i.ContentPath == "news/first.md") with { ContentPath = "news/first/index.md", SourcePath = "content/news/first/index.md" };

        var result = await Preview(site).RenderAsync(published, draft, null, null, CancellationToken.None);
        var replacing = await Preview(site).RenderAsync(published, draft, "news/first.md", null, CancellationToken.None);

        Assert.Null(result.Html);
        Assert.Contains(result.Problems, p => p.Path == "content/news/first/index.md" && p.Message.StartsWith("duplicate URL /news/first/", StringComparison.Ordinal));
        Assert.Equal("/news/first/", replacing.Url); // a moved item replaces its live copy
    }

    private static PagePreview Preview(TempSite site) => new(new BuildOptions
    {
        ThemeDirectory = site.Theme,
        ThemeDisplayPath = "theme",
        OutputDirectory = site.Output,
        BaseUrl = "https://example.org/",
    });

    private static Task<ContentSnapshot> LoadAsync(TempSite site) => new FolderContentSource(site.Content).LoadAsync(new DiagnosticBag(), CancellationToken.None);

    private static string[] OutputFiles(TempSite site) =>
        [.. Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(site.Output, f)} {File.GetLastWriteTimeUtc(f):O} {new FileInfo(f).Length}")];

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"/assets/css/site\\.[0-9a-f]+\\.css\">")]
    private static partial Regex CssLink();

    [GeneratedRegex("<picture>.*?</picture>", RegexOptions.Singleline)]
    private static partial Regex Picture();
}
