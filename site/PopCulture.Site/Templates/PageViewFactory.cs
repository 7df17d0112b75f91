using PopCulture.Site.Content;
using PopCulture.Site.Incremental;
using PopCulture.Site.Markdown;
using PopCulture.Site.Model;
using PopCulture.Site.Output;

namespace PopCulture.Site.Templates;

/// <summary>Builds what a template sees for one output page: <c>site</c> and <c>page</c>.</summary>
public sealed class PageViewFactory
{
    /// <summary>How many articles the home page lists.</summary>
    public const int HomeLatest = 6;
    private const int DescriptionChars = 120;

    private readonly RenderContext _root;
    private readonly SiteConfig _config;
    private readonly IReadOnlyDictionary<string, MediaFile> _media;
    private readonly IReadOnlyList<District> _districts;

    public PageViewFactory(RenderContext context, SiteConfig config, IReadOnlyDictionary<string, MediaFile> media)
    {
        _root = context;
        _config = config;
        _media = media;
        _districts = DistrictReader.Read(config.Data, context.Diagnostics);
    }

    private SiteUrls Urls => _root.Urls;

    /// <summary>
    /// The <c>site</c> and <c>page</c> a template sees for one page; what they read beyond the site-wide inputs is
    /// recorded into <paramref name="dependencies"/> as the template touches it.
    /// </summary>
    public async Task<(SiteView Site, PageView Page)> ViewsAsync(OutputPage page, PageDependencies? dependencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var context = dependencies is null ? _root : _root.ForPage(dependencies);
        dependencies?.Add(Fact.Page(page.Url));
        if (page.Item is { } item)
        {
            dependencies?.Item(item);
        }

        IReadOnlyList<SectionView> sections = [.. context.Model.Sections.Select(s => new SectionView(s, context))];
        var view = await PageAsync(page, context, sections, cancellationToken).ConfigureAwait(false);
        return (Site(page, sections), view);
    }

    private SiteView Site(OutputPage page, IReadOnlyList<SectionView> sections) => new()
    {
        Title = _config.Title,
        Description = _config.Description,
        BaseUrl = Urls.BaseUrl,
        Menu = [.. _config.Menu.Select(m => m with { Url = Urls.Link(m.Url), Current = IsCurrent(m.Url, page) })],
        Sections = sections,
        Data = _config.Data,
        FeedUrl = Urls.Link("/index.xml"),
        Year = _config.Year,
        VisitRequestsUrl = _config.VisitRequestsUrl,
    };

    private async Task<PageView> PageAsync(OutputPage page, RenderContext context, IReadOnlyList<SectionView> sections, CancellationToken cancellationToken)
    {
        var section = page.Section is { } s ? sections.First(v => v.Name == s.Name) : null;
        var feed = section?.FeedUrl ?? Urls.Link("/index.xml");
        var crumbs = Breadcrumbs(page, context);
        switch (page.Kind)
        {
            case PageKind.Item:
            case PageKind.Handout:
            case PageKind.Sign:
                return await ItemPageAsync(page, context, section, feed, crumbs, cancellationToken).ConfigureAwait(false);
            case PageKind.Home:
                var home = page.Item is null ? null : context.Markdown.Render(page.Item, context.Links, context.Diagnostics);
                return new PageView
                {
                    Kind = "home",
                    Title = page.Item?.Title is { Length: > 0 } title ? title : _config.Title,
                    Description = page.Item?.Summary ?? _config.Description,
                    Url = Urls.Link("/"),
                    Permalink = Urls.Absolute("/"),
                    Content = home?.Html ?? "",
                    Items = [.. context.Model.LatestArticles(HomeLatest).Select(context.Summary)],
                    JsonLd = JsonLdBuilder.WebSite(Urls, _config.Title, _config.Description),
                    FeedUrl = feed,
                };
            case PageKind.NotFound:
                return new PageView
                {
                    Kind = "404",
                    Title = page.Title,
                    Description = _config.Description,
                    Url = Urls.Link(page.Url),
                    Permalink = Urls.Absolute(page.Url),
                    FeedUrl = feed,
                    NoIndex = true,
                };
            case PageKind.Search:
                return new PageView
                {
                    Kind = "search",
                    Title = page.Title,
                    Description = $"搜索{_config.Title}",
                    Url = Urls.Link(page.Url),
                    // Indexable: results are drawn in the browser, so every ?q= address is this one page, and its
                    // canonical link (the bare /search/) folds them into one entry for search engines.
                    Permalink = Urls.Absolute(page.Url),
                    FeedUrl = feed,
                };
            case PageKind.Series:
                var series = context.SeriesView(page.Series!);
                return new PageView
                {
                    Kind = "series",
                    Title = page.Title,
                    Description = $"{page.Title}：{series.Count}集，按集数排列的0～3岁科学育儿小课堂",
                    Url = Urls.Link(page.Url),
                    Permalink = Urls.Absolute(page.Url),
                    Section = section,
                    Series = series,
                    Items = [.. page.Items.Select(context.Summary)],
                    Breadcrumbs = crumbs,
                    FeedUrl = feed,
                };
            case PageKind.SeriesIndex:
                return new PageView
                {
                    Kind = "series-index",
                    Title = page.Title,
                    Description = $"{section?.Title}的系列节目：每个系列的小课堂按集数排列",
                    Url = Urls.Link(page.Url),
                    Permalink = Urls.Absolute(page.Url),
                    Section = section,
                    Breadcrumbs = crumbs,
                    FeedUrl = feed,
                };
            case PageKind.Terms:
                return new PageView
                {
                    Kind = "terms",
                    Title = page.Title,
                    Description = $"{page.Section!.Title}的全部{page.Taxonomy!.Label}",
                    Url = Urls.Link(page.Url),
                    Permalink = Urls.Absolute(page.Url),
                    Section = section,
                    Taxonomy = new LinkView(page.Taxonomy.Label, Urls.Link(page.Taxonomy.Url)),
                    Terms = [.. page.Taxonomy.Terms.Select(t => new LinkView(t.Name, Urls.Link(t.Url)) { Count = t.Items.Count })],
                    Breadcrumbs = crumbs,
                    FeedUrl = feed,
                };
            default:
                return ListPage(page, context, section, feed, crumbs);
        }
    }

    private PageView ListPage(OutputPage page, RenderContext context, SectionView? section, string feed, IReadOnlyList<LinkView> crumbs)
    {
        if (page.Section?.Index is { } sectionIndex)
        {
            context.Dependencies?.Item(sectionIndex); // the description or the intro
        }

        var intro = page.Kind == PageKind.Section && page.PageNumber == 1 && page.Section?.Index is { } index
            ? context.Markdown.Render(index, context.Links, context.Diagnostics).Html
            : "";
        var title = page.PageNumber > 1 ? $"{page.Title}（第 {page.PageNumber} 页）" : page.Title;
        return new PageView
        {
            Kind = page.Kind == PageKind.Term ? "term" : "section",
            Title = title,
            Description = page.Kind == PageKind.Term
                ? $"{page.Section!.Title}中标为“{page.Term!.Name}”的内容"
                : page.Section?.Index?.Summary ?? _config.Description,
            Url = Urls.Link(page.Url),
            Permalink = Urls.Absolute(page.Url),
            Content = intro,
            Section = section,
            Term = page.Term is { } term ? new LinkView(term.Name, Urls.Link(term.Url)) { Count = term.Items.Count } : null,
            Taxonomy = page.Taxonomy is { } taxonomy ? new LinkView(taxonomy.Label, Urls.Link(taxonomy.Url)) : null,
            Items = [.. page.Items.Select(context.Summary)],
            Parks = page.Kind == PageKind.Section && page.PageNumber == 1 && page.Section is { } listed
                ? new ParkDirectoryView(listed.Name, _districts, context)
                : null,
            Pager = Pager(page),
            Breadcrumbs = crumbs,
            FeedUrl = feed,
            NoIndex = page.PageNumber > 1,
        };
    }

    private async Task<PageView> ItemPageAsync(
        OutputPage page, RenderContext context, SectionView? section, string feed, IReadOnlyList<LinkView> crumbs, CancellationToken cancellationToken)
    {
        var item = page.Item!;
        var body = context.Markdown.Render(item, context.Links, context.Diagnostics);
        var view = new ItemView(item, context, body);
        var cover = view.Cover;
        var description = item.Summary ?? TextExcerpt.FromHtml(body.Html, DescriptionChars);
        if (description.Length == 0)
        {
            description = _config.Description;
        }

        if (page.Kind == PageKind.Sign)
        {
            return new PageView
            {
                Kind = "sign",
                Title = page.Title,
                Description = $"{item.Title}的二维码标牌，打印后张贴在园内",
                Url = Urls.Link(page.Url),
                Permalink = Urls.Absolute(page.Url),
                Item = view,
                Section = section,
                Breadcrumbs = crumbs,
                FeedUrl = feed,
                NoIndex = true, // a print-out of the park's page, not a page of its own
            };
        }

        if (page.Kind == PageKind.Handout)
        {
            var handout = await HandoutAsync(item, page.Handout!, context, cancellationToken).ConfigureAwait(false);
            return new PageView
            {
                Kind = "handout",
                Title = page.Title,
                Description = $"{item.Title} · {page.Title}",
                Url = Urls.Link(page.Url),
                Permalink = Urls.Absolute(page.Url),
                Content = handout.Html,
                Item = view,
                Section = section,
                Breadcrumbs = crumbs,
                FeedUrl = feed,
            };
        }

        return new PageView
        {
            Kind = "item",
            Title = item.Title,
            Description = description,
            Url = view.Url,
            Permalink = view.Permalink,
            Content = body.Html,
            Toc = view.Toc,
            Item = view,
            Section = section,
            Breadcrumbs = crumbs,
            JsonLd = JsonLdBuilder.ForItem(item, context.Model, Urls, _config.Title, description, cover?.AbsoluteUrl),
            OgType = item.Type == ContentTypes.Article ? "article" : "website",
            // Share-card scrapers (WeChat among them) read only raster images; an SVG cover is no share image.
            Image = cover is not null && IsRaster(cover.Url) ? cover.AbsoluteUrl : null,
            FeedUrl = feed,
        };
    }

    private async Task<RenderedMarkdown> HandoutAsync(ContentItem item, Handout handout, RenderContext context, CancellationToken cancellationToken)
    {
        var key = ContentLinkResolver.Combine(item.BundlePath ?? "", handout.Src);
        if (key is null || !_media.TryGetValue(key, out var file))
        {
            return new RenderedMarkdown("", []); // reported by the reference check
        }

        context.Read(Fact.MediaFile(key));
        var markdown = await File.ReadAllTextAsync(file.PhysicalPath, cancellationToken).ConfigureAwait(false);
        var source = item with { SourcePath = ItemFolder(item.SourcePath) + handout.Src };
        return context.Markdown.Render(source, markdown, 1, context.Links, context.Diagnostics);
    }

    private static bool IsRaster(string url) =>
        Path.GetExtension(url).ToUpperInvariant() is ".PNG" or ".JPG" or ".JPEG" or ".WEBP" or ".GIF";

    private static string ItemFolder(string sourcePath) => sourcePath[..(sourcePath.LastIndexOf('/') + 1)];

    private PagerView? Pager(OutputPage page)
    {
        if (page.PageCount <= 1 || page.ListUrl is null)
        {
            return null;
        }

        string UrlOf(int number) => Urls.Link(number == 1 ? page.ListUrl : $"{page.ListUrl}page/{number}/");
        return new PagerView(
            page.PageNumber,
            page.PageCount,
            page.PageNumber > 1 ? UrlOf(page.PageNumber - 1) : null,
            page.PageNumber < page.PageCount ? UrlOf(page.PageNumber + 1) : null,
            [.. Enumerable.Range(1, page.PageCount).Select(n => new LinkView(n.ToString(System.Globalization.CultureInfo.InvariantCulture), UrlOf(n)) { Current = n == page.PageNumber })]);
    }

    private List<LinkView> Breadcrumbs(OutputPage page, RenderContext context)
    {
        if (page.Kind is PageKind.Home or PageKind.NotFound)
        {
            return [];
        }

        var crumbs = new List<LinkView> { new("首页", Urls.Link("/")) };
        if (page.Section is { } section && !(page.Kind == PageKind.Section && page.PageNumber == 1))
        {
            crumbs.Add(new LinkView(section.Title, Urls.Link(section.Url)));
        }

        if (page.Kind == PageKind.Series && page.Section is { } owner)
        {
            crumbs.Add(new LinkView("系列节目", Urls.Link(SiteModel.SeriesIndexUrl(owner.Name))));
        }

        if (page.Kind == PageKind.Term && page.Taxonomy is { } taxonomy)
        {
            crumbs.Add(new LinkView(taxonomy.Label, Urls.Link(taxonomy.Url)));
        }

        if (page.Item is { } item && context.CourseOf(item) is { } course)
        {
            crumbs.Add(new LinkView(course.Title, Urls.Link(context.Model.UrlOf(course))));
        }

        if (page.Kind is PageKind.Handout or PageKind.Sign && page.Item is { } lesson)
        {
            crumbs.Add(new LinkView(lesson.Title, Urls.Link(context.Model.UrlOf(lesson))));
        }

        return crumbs;
    }

    private static bool IsCurrent(string menuUrl, OutputPage page) =>
        menuUrl == "/" ? page.Kind == PageKind.Home : page.Url.StartsWith(menuUrl, StringComparison.Ordinal);
}
