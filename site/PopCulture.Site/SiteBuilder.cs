using System.Collections.Concurrent;
using System.Diagnostics;
using PopCulture.Site.Content;
using PopCulture.Site.Markdown;
using PopCulture.Site.Model;
using PopCulture.Site.Output;
using PopCulture.Site.Templates;

namespace PopCulture.Site;

/// <summary>
/// The generator: read → route → validate → render (Markdown, templates, link check) → write, into a staging folder
/// that replaces the output only if every stage succeeded.
/// </summary>
public sealed class SiteBuilder(IContentSource source, BuildOptions options)
{
    private const string DefaultBaseUrl = "http://localhost:8080/";

    public async Task<BuildResult> BuildAsync(IProgress<BuildProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var stages = new List<KeyValuePair<string, TimeSpan>>();
        var lap = clock.Elapsed;
        void Lap(string stage)
        {
            stages.Add(new(stage, clock.Elapsed - lap));
            lap = clock.Elapsed;
        }

        progress?.Report(new BuildProgress("读取内容", 0, 1));
        var snapshot = await source.LoadAsync(diagnostics, cancellationToken).ConfigureAwait(false);
        Lap("read");
        var model = SiteModelBuilder.Build(snapshot, options.IncludeDrafts, options.PageSize, diagnostics);
        ReferenceValidator.Validate(model, diagnostics);
        var config = SiteConfig.From(snapshot.Data, model.Sections, diagnostics);
        var urls = CreateUrls(options.BaseUrl ?? config.BaseUrl ?? DefaultBaseUrl, diagnostics);
        progress?.Report(new BuildProgress("读取内容", 1, 1));
        Lap("route");
        if (urls is null || !Directory.Exists(options.ThemeDirectory))
        {
            if (urls is not null)
            {
                diagnostics.Error(options.ThemeDisplayPath, 0, "theme folder does not exist");
            }

            return Finish(false, diagnostics, 0, 0, clock);
        }

        var assets = await AssetPipeline.FingerprintAsync(options.ThemeDirectory, cancellationToken).ConfigureAwait(false);
        var templates = ThemeTemplates.Load(
            options.ThemeDirectory, options.ThemeDisplayPath, urls, assets.ToDictionary(a => a.Key, a => a.Value.SitePath, StringComparer.Ordinal), diagnostics);

        Lap("theme");
        var imageSettings = Images.ImageSettings.Load(options.ThemeDirectory, options.ThemeDisplayPath, diagnostics);
        var cache = options.CacheDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.OutputDirectory))!, ".popculture-cache");
        var images = await Images.ImageCatalog.BuildAsync(
            model, snapshot.Media, new Images.ImageVariantBuilder(cache, imageSettings), urls, options.MaxDegreeOfParallelism, diagnostics, cancellationToken, imageSettings).ConfigureAwait(false);
        Lap("images");
        var published = Published(model, assets.Values.Select(a => a.SitePath).Concat(images.Files.Select(f => f.SitePath)), diagnostics);
        if (!options.CheckOnly)
        {
            StagedOutput.RemoveLeftovers(options.OutputDirectory);
        }

        var staged = options.CheckOnly ? null : new StagedOutput(options.OutputDirectory);
        try
        {
            var pages = await RenderAsync(model, snapshot, config, urls, templates, images, published, staged, diagnostics, progress, cancellationToken).ConfigureAwait(false);
            Lap("render");
            var files = 0;
            var cleanup = Task.CompletedTask;
            if (staged is not null && !diagnostics.HasErrors)
            {
                files = await WriteSupportFilesAsync(model, snapshot, config, urls, assets, images, staged, cancellationToken).ConfigureAwait(false);
                Lap("feeds, sitemap, media");
                cleanup = staged.Commit();
                Lap("swap");
            }

            return Finish(!diagnostics.HasErrors, diagnostics, pages, pages + files, clock) with { Stages = stages, Cleanup = cleanup };
        }
        finally
        {
            staged?.Dispose();
        }
    }

    private async Task<int> RenderAsync(
        SiteModel model,
        ContentSnapshot snapshot,
        SiteConfig config,
        SiteUrls urls,
        ThemeTemplates templates,
        Images.ImageCatalog images,
        IReadOnlySet<string> published,
        StagedOutput? staged,
        DiagnosticBag diagnostics,
        IProgress<BuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        var markdown = new MarkdownRenderer(images);
        var links = new ContentLinkResolver(model, urls, snapshot.Media, diagnostics);
        var context = new RenderContext(model, urls, markdown, links, diagnostics) { Images = images };
        var views = new PageViewFactory(context, config, snapshot.Media);
        var checker = new LinkChecker(urls, published);
        var missingLayouts = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var templateProblems = new ConcurrentDictionary<(string Layout, string Problem), (string FirstPage, int Count)>();
        var done = 0;
        var total = model.Pages.Count;
        progress?.Report(new BuildProgress("生成页面", 0, total));

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(model.Pages, parallel, async (page, ct) =>
        {
            var layout = templates.Find(LayoutsFor(page));
            if (layout is null)
            {
                if (missingLayouts.TryAdd(string.Join('|', LayoutsFor(page)), true))
                {
                    diagnostics.Error($"{options.ThemeDisplayPath}/layouts", 0, $"no layout for {page.Url}: add one of {string.Join(", ", LayoutsFor(page).Select(l => l + ".liquid"))}");
                }

                return;
            }

            string html;
            try
            {
                var view = await views.PageAsync(page, ct).ConfigureAwait(false);
                html = await templates.RenderPageAsync(layout, views.Site(page), view).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or Fluid.ParseException)
            {
                // Fluid reports a theme's runtime problems (step limit, unknown asset) as exceptions: name the layout.
                diagnostics.Error($"{options.ThemeDisplayPath}/layouts/{layout}.liquid", 0, $"rendering {page.Url} failed: {e.Message}");
                return;
            }

            // Content links were checked with their lines already; what is left came from a layout, and one broken
            // link in a layout breaks every page: report it once with a count, not ten thousand times.
            foreach (var problem in checker.Check(html))
            {
                templateProblems.AddOrUpdate((layout, problem), (page.Url, 1), (_, seen) => (seen.FirstPage, seen.Count + 1));
            }

            if (staged is not null)
            {
                await staged.WriteTextAsync(page.Url, html, ct).ConfigureAwait(false);
            }

            var count = Interlocked.Increment(ref done);
            if (count % 64 == 0 || count == total)
            {
                progress?.Report(new BuildProgress("生成页面", count, total));
            }
        }).ConfigureAwait(false);

        foreach (var ((layout, problem), (firstPage, count)) in templateProblems)
        {
            var pages = count == 1 ? $"on {firstPage}" : $"on {count} pages, first {firstPage}";
            diagnostics.Error($"{options.ThemeDisplayPath}/layouts/{layout}.liquid", 0, $"{problem} ({pages})");
        }

        return done;
    }

    private static async Task<int> WriteSupportFilesAsync(
        SiteModel model,
        ContentSnapshot snapshot,
        SiteConfig config,
        SiteUrls urls,
        IReadOnlyDictionary<string, (string SitePath, string Physical)> assets,
        Images.ImageCatalog images,
        StagedOutput staged,
        CancellationToken cancellationToken)
    {
        var files = 0;
        foreach (var (sitePath, cached) in images.Files)
        {
            staged.CopyFile(sitePath, cached);
            files++;
        }

        foreach (var (sitePath, physical) in assets.Values)
        {
            staged.CopyFile(sitePath, physical);
            files++;
        }

        foreach (var (key, sitePath) in model.MediaUrls)
        {
            // Handout sources are published as pages; the Markdown itself stays private.
            if (!key.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                staged.CopyFile(sitePath, snapshot.Media[key].PhysicalPath);
                files++;
            }
        }

        var dated = model.Items.Where(i => !i.IsIndex);
        await staged.WriteTextAsync("/index.xml", FeedWriter.Write(urls, model, config.Title, "/index.xml", "/", dated), cancellationToken).ConfigureAwait(false);
        foreach (var section in model.Sections)
        {
            var items = model.Items.Where(i => i.Section == section.Name);
            var feed = FeedWriter.Write(urls, model, $"{section.Title} · {config.Title}", section.Url + "index.xml", section.Url, items);
            await staged.WriteTextAsync(section.Url + "index.xml", feed, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (item, sign) in QrSigns(model))
        {
            await staged.WriteTextAsync(sign, QrCodeWriter.Write(urls.Absolute(model.UrlOf(item)), item.Title), cancellationToken).ConfigureAwait(false);
            files++;
        }

        var lastChanged = model.Items.ToDictionary(i => model.UrlOf(i), i => i.Updated ?? i.Date, StringComparer.Ordinal);
        var indexable = model.Pages
            .Where(p => p.Kind != PageKind.NotFound && p.PageNumber == 1)
            .Select(p => (p.Url, lastChanged.GetValueOrDefault(p.Url)));
        await staged.WriteTextAsync("/sitemap.xml", SitemapWriter.Write(urls, indexable), cancellationToken).ConfigureAwait(false);
        await staged.WriteTextAsync("/robots.txt", RobotsWriter.Write(urls), cancellationToken).ConfigureAwait(false);
        return files + model.Sections.Count + 3;
    }

    /// <summary>A place's page gets a QR code of its canonical address, printed on the sign beside the exhibit.</summary>
    private static IEnumerable<(ContentItem Item, string SitePath)> QrSigns(SiteModel model) =>
        model.Items.Where(i => ContentTypes.IsPlace(i.Type)).Select(i => (i, model.UrlOf(i) + QrCodeWriter.FileName));

    /// <summary>Every site path the build writes, so each link can be checked with one set lookup.</summary>
    private static HashSet<string> Published(SiteModel model, IEnumerable<string> assets, DiagnosticBag diagnostics)
    {
        var published = new HashSet<string>(model.PageUrls, StringComparer.Ordinal);
        published.UnionWith(model.MediaUrls.Values);
        published.UnionWith(assets);
        published.UnionWith(["/index.xml", "/sitemap.xml", "/robots.txt", "/404.html"]);
        published.UnionWith(model.Sections.Select(s => s.Url + "index.xml"));
        foreach (var (item, sign) in QrSigns(model))
        {
            // A file of the item's own at that path would be silently replaced by the sign.
            if (!published.Add(sign))
            {
                diagnostics.Error(item.SourcePath, 0, $"{QrCodeWriter.FileName} beside this place is where its QR sign is published: rename the file");
            }
        }

        return published;
    }

    private static string[] LayoutsFor(OutputPage page) =>
        page.Kind switch
        {
            PageKind.Home => ["home"],
            PageKind.Section => [$"section-{page.Section!.Name}", "list"],
            PageKind.Term => ["term", "list"],
            PageKind.Terms => ["terms"],
            PageKind.Handout => ["handout"],
            PageKind.NotFound => ["404"],
            _ => [page.Item!.Type, "single"],
        };

    private static SiteUrls? CreateUrls(string baseUrl, DiagnosticBag diagnostics)
    {
        try
        {
            return new SiteUrls(baseUrl);
        }
        catch (ArgumentException e)
        {
            diagnostics.Error("--base-url", 0, e.Message.Split(" (Parameter", 2)[0]);
            return null;
        }
    }

    private static BuildResult Finish(bool succeeded, DiagnosticBag diagnostics, int pages, int files, Stopwatch clock) =>
        new(succeeded, diagnostics.Snapshot(), pages, files, clock.Elapsed);
}
