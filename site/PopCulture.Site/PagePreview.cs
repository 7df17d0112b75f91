using System.Net;
using PopCulture.Site.Content;
using PopCulture.Site.Images;
using PopCulture.Site.Markdown;
using PopCulture.Site.Model;
using PopCulture.Site.Output;
using PopCulture.Site.Templates;

namespace PopCulture.Site;

/// <summary>
/// Renders one item's page in memory as the next build would show it: the published content with the item put in
/// (replacing its live copy, if any), routed, themed and rendered by the build's own stages, with a preview banner.
/// Nothing is written to the output; image variants go to the build's image cache, which a build would make anyway.
/// </summary>
public sealed class PagePreview(BuildOptions options)
{
    /// <summary>What the banner says, so editors never mistake a preview for the live page.</summary>
    public const string BannerText = "预览 · 此页面尚未发布";

    private const string DefaultBaseUrl = "http://localhost:8080/";

    /// <summary>
    /// The page (null when it cannot be shown), its site path, the problems a build would report about it, and the media
    /// files the page shows (each link as written in the page, to the file): a draft's files are not on the site yet.
    /// </summary>
    public sealed record Result(string? Html, string? Url, IReadOnlyList<Diagnostic> Problems)
    {
        public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Renders <paramref name="item"/>'s page. <paramref name="replaces"/> is the content path of the live copy it
    /// stands in for, when that differs from the item's own (a changed slug); items at either path are left out.
    /// <paramref name="media"/> are files only the item uses, which published content does not carry yet.
    /// </summary>
    public async Task<Result> RenderAsync(
        ContentSnapshot published, ContentItem item, string? replaces, IReadOnlyDictionary<string, MediaFile>? media, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(item);
        var diagnostics = new DiagnosticBag();
        var previewed = item with { Draft = false };
        var allMedia = published.Media;
        if (media is { Count: > 0 })
        {
            var merged = new Dictionary<string, MediaFile>(published.Media, StringComparer.Ordinal);
            foreach (var (key, file) in media)
            {
                merged[key] = file;
            }

            allMedia = merged;
        }

        var snapshot = new ContentSnapshot(
            [.. published.Items.Where(i => i.ContentPath != item.ContentPath && i.ContentPath != replaces), previewed], published.Data, allMedia);
        var model = SiteModelBuilder.Build(snapshot, includeDrafts: false, options.PageSize, diagnostics);
        ReferenceValidator.Validate(model, diagnostics);
        var config = SiteConfig.From(snapshot.Data, model.Sections, diagnostics) with { VisitRequestsUrl = options.VisitRequestsUrl };
        SiteUrls urls;
        try
        {
            urls = new SiteUrls(options.BaseUrl ?? config.BaseUrl ?? DefaultBaseUrl);
        }
        catch (ArgumentException e)
        {
            return Fail(previewed, "--base-url", e.Message.Split(" (Parameter", 2)[0], diagnostics);
        }

        var page = PageOf(model, previewed);
        if (page is null || !Directory.Exists(options.ThemeDirectory))
        {
            return page is null ? Fail(previewed, null, null, diagnostics) : Fail(previewed, options.ThemeDisplayPath, "theme folder does not exist", diagnostics);
        }

        var assets = await AssetPipeline.FingerprintAsync(options.ThemeDirectory, cancellationToken).ConfigureAwait(false);
        var templates = ThemeTemplates.Load(
            options.ThemeDirectory, options.ThemeDisplayPath, urls, assets.ToDictionary(a => a.Key, a => a.Value.SitePath, StringComparer.Ordinal), diagnostics);
        var layout = templates.Find(SiteBuilder.LayoutsFor(page));
        if (layout is null)
        {
            return Fail(previewed, $"{options.ThemeDisplayPath}/layouts", $"no layout for {page.Url}", diagnostics);
        }

        // Image problems are all about what this page shows, so they are all reported.
        var imageProblems = new DiagnosticBag();
        var (images, files) = await ImagesAsync(snapshot, model, page, urls, imageProblems, cancellationToken).ConfigureAwait(false);

        string html;
        try
        {
            var context = new RenderContext(model, urls, new MarkdownRenderer(images), new ContentLinkResolver(model, urls, snapshot.Media, diagnostics), diagnostics)
            {
                Images = images,
            };
            var (site, view) = await new PageViewFactory(context, config, snapshot.Media).ViewsAsync(page, null, cancellationToken).ConfigureAwait(false);
            html = await templates.RenderPageAsync(layout, site, view).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or Fluid.ParseException)
        {
            return Fail(previewed, $"{options.ThemeDisplayPath}/layouts/{layout}.liquid", $"rendering {page.Url} failed: {e.Message}", diagnostics);
        }

        IReadOnlyList<Diagnostic> problems = [.. Relevant(previewed, diagnostics), .. imageProblems.Snapshot()];
        return new Result(WithBanner(html, problems), page.Url, problems) { Files = files };
    }

    /// <summary>The item's own page: its item page, the home page, or the first page of the section it introduces.</summary>
    private static OutputPage? PageOf(SiteModel model, ContentItem item) =>
        model.Pages.FirstOrDefault(p => p.PageNumber == 1 && (ReferenceEquals(p.Item, item) || (p.Kind == PageKind.Section && ReferenceEquals(p.Section?.Index, item))));

    /// <summary>
    /// The image stage for the items the page can show, not the whole site: a build hashes every image, which a
    /// preview need not repeat. Routes are the same as the full site's because each image's bundle owner comes along.
    /// </summary>
    private async Task<(ImageCatalog Images, Dictionary<string, string> Files)> ImagesAsync(
        ContentSnapshot snapshot, SiteModel model, OutputPage page, SiteUrls urls, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var shown = new HashSet<ContentItem>(ReferenceEqualityComparer.Instance);
        shown.UnionWith(page.Items);
        if (page.Kind == PageKind.Home)
        {
            shown.UnionWith(model.LatestArticles(PageViewFactory.HomeLatest));
        }

        if (page.Item is { } item)
        {
            shown.Add(item);
            if (model.CourseOf(item) is { } course)
            {
                shown.Add(course);
                shown.UnionWith(model.LessonsOf(course));
            }

            shown.UnionWith(model.LessonsOf(item));
            shown.UnionWith(model.RelatedLessons(item, ItemView.MaxRelated));
        }

        var keys = shown
            .SelectMany(i => i.MediaReferences().Select(src => ContentLinkResolver.Combine(i.BundlePath ?? "", src)))
            .OfType<string>()
            .Where(snapshot.Media.ContainsKey)
            .ToHashSet(StringComparer.Ordinal);
        var owners = keys.Select(k => k.Split('/')).Where(p => p.Length > 2).Select(p => $"{p[0]}/{p[1]}/index.md").ToHashSet(StringComparer.Ordinal);
        shown.UnionWith(model.Items.Where(i => owners.Contains(i.ContentPath)));
        var scoped = new ContentSnapshot([.. shown], snapshot.Data, keys.ToDictionary(k => k, k => snapshot.Media[k], StringComparer.Ordinal));
        var scopedModel = SiteModelBuilder.Build(scoped, includeDrafts: false, options.PageSize, new DiagnosticBag());
        var settings = ImageSettings.Load(options.ThemeDirectory, options.ThemeDisplayPath, diagnostics);
        // The same default as a build's, so variants made for a preview are the ones the publish then reuses.
        var cache = options.CacheDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.OutputDirectory))!, ".popculture-cache");
        var images = await ImageCatalog.BuildAsync(
            scopedModel, scoped.Media, new ImageVariantBuilder(cache, settings), urls, options.MaxDegreeOfParallelism, diagnostics, cancellationToken, settings).ConfigureAwait(false);
        var files = images.Files.ToDictionary(f => urls.Link(f.SitePath), f => f.CachedPath, StringComparer.Ordinal);
        foreach (var (key, sitePath) in scopedModel.MediaUrls.Where(m => !m.Key.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
        {
            files[urls.Link(sitePath)] = scoped.Media[key].PhysicalPath;
        }

        return (images, files);
    }

    /// <summary>Problems of the previewed item and the theme; other items' problems belong to the live site's build.</summary>
    private IReadOnlyList<Diagnostic> Relevant(ContentItem item, DiagnosticBag diagnostics) =>
        [.. diagnostics.Snapshot().Where(d =>
            d.Path == item.SourcePath || d.Path == "--base-url" || d.Path.StartsWith(options.ThemeDisplayPath, StringComparison.Ordinal))];

    private Result Fail(ContentItem item, string? path, string? message, DiagnosticBag diagnostics)
    {
        if (path is not null && message is not null)
        {
            diagnostics.Error(path, 0, message);
        }

        var problems = Relevant(item, diagnostics);
        return new Result(null, null, problems.Count > 0 ? problems : [new Diagnostic(item.SourcePath, 0, "the item has no page on the site")]);
    }

    /// <summary>
    /// Puts a banner first in the body, in the page's flow so it covers nothing, announced politely to screen readers,
    /// dark on light yellow (contrast above 12:1) whatever the theme; and keeps search engines off the preview.
    /// </summary>
    internal static string WithBanner(string html, IReadOnlyList<Diagnostic> problems)
    {
        var list = problems.Where(p => p.Severity == Severity.Error).Take(20).Select(p => $"<li>{WebUtility.HtmlEncode(p.ToString())}</li>").ToList();
        var details = list.Count == 0 ? "" : $"<p style=\"margin:.25rem 0 0;font-weight:400\">发布前需要修正：</p><ul style=\"margin:0;padding-left:1.5rem;text-align:left;font-weight:400\">{string.Concat(list)}</ul>";
        var banner = "<div class=\"preview-banner\" role=\"status\" style=\"background:#fff3b0;color:#1f1300;border-bottom:3px solid #1f1300;"
            + $"padding:.5rem 1rem;font:600 1rem/1.5 system-ui,sans-serif;text-align:center\">{BannerText}{details}</div>";
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var afterBody = body < 0 ? -1 : html.IndexOf('>', body);
        html = afterBody < 0 ? banner + html : html.Insert(afterBody + 1, "\n" + banner);
        const string robots = "<meta name=\"robots\" content=\"noindex\">";
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return html.Contains(robots, StringComparison.Ordinal) ? html : head < 0 ? robots + html : html.Insert(head, robots + "\n");
    }
}
