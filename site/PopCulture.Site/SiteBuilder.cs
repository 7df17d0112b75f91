using System.Collections.Concurrent;
using System.Diagnostics;
using PopCulture.Site.Content;
using PopCulture.Site.Incremental;
using PopCulture.Site.Markdown;
using PopCulture.Site.Model;
using PopCulture.Site.Output;
using PopCulture.Site.Templates;

namespace PopCulture.Site;

/// <summary>
/// The generator: read → route → validate → plan (what the build cache can reuse) → render (Markdown, templates, link
/// check) → write what changed into the output's spare slot, which replaces the live site only if every stage succeeded.
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
        var config = SiteConfig.From(snapshot.Data, model.Sections, diagnostics) with { VisitRequestsUrl = options.VisitRequestsUrl };
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
        if (options.CheckOnly)
        {
            var checkedPages = await RenderAsync(new RenderJob(model, snapshot, config, urls, templates, images, published, null, null), diagnostics, progress, cancellationToken).ConfigureAwait(false);
            Lap("render");
            return Finish(!diagnostics.HasErrors, diagnostics, checkedPages, 0, clock) with { Stages = stages };
        }

        var output = await SiteOutput.OpenAsync(options.OutputDirectory, cancellationToken).ConfigureAwait(false);
        BuildResult result;
        var manifestSaving = Task.CompletedTask;
        var search = new Search.SearchStage(cache, options.MaxDegreeOfParallelism, options.Memory?.Search);
        // Stops the search analysis that runs beside rendering when the build ends early.
        using var searchCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var siteKey = await SiteKey.ComputeAsync(options, urls, config, model.Sections, cancellationToken).ConfigureAwait(false);
            var previous = output.LiveBuildId is { } live && !options.Full ? options.Memory?.Manifest(live) ?? BuildManifest.Load(cache, live) : null;
            var copied = CopiedFiles(model, snapshot, assets, images);
            var pageCache = new PageCache(
                previous, siteKey, new FactIndex(model, snapshot.Media), new LinkChecker(urls, published), copied.ToDictionary(f => f.Key, f => f.Value.Hash, StringComparer.Ordinal));
            var writer = new OutputWriter(output, pageCache, fromLive: previous is not null);
            if (options.SearchIndex)
            {
                search.Start(model, searchCancellation.Token);
            }

            Lap("plan");
            var pages = await RenderAsync(new RenderJob(model, snapshot, config, urls, templates, images, published, writer, pageCache), diagnostics, progress, cancellationToken).ConfigureAwait(false);
            Lap("render");
            if (diagnostics.HasErrors)
            {
                await searchCancellation.CancelAsync().ConfigureAwait(false);
                await output.FinishAsync().ConfigureAwait(false); // undoes what the render wrote
                return Finish(false, diagnostics, pages, 0, clock) with { Stages = stages };
            }

            foreach (var page in model.Pages)
            {
                writer.Keep(page.Url);
            }

            await WriteSupportFilesAsync(model, config, urls, copied, writer, cancellationToken).ConfigureAwait(false);
            Lap("feeds, sitemap, media");
            var indexed = options.SearchIndex ? await search.WriteAsync(model, writer, previous?.Files, searchCancellation.Token).ConfigureAwait(false) : null;
            Lap("search");
            writer.DeleteMissing(previous);
            var buildId = NewBuildId();
            if (output.HasChanges || previous is null)
            {
                output.Begin(fromLive: previous is not null);
                output.Commit(buildId);
                // What this build wrote, for the next one, after the new site is live: kept in memory first, so that a
                // manifest the disk refuses costs a full render only to the next process, as after a lost cache.
                manifestSaving = Task.Run(() =>
                {
                    var manifest = pageCache.Next(buildId, siteKey, writer.Files, model.Pages);
                    options.Memory?.Keep(manifest);
                    manifest.Save(cache);
                }, CancellationToken.None);
            }

            Lap("swap");
            result = Finish(true, diagnostics, pages, writer.Written, clock) with { Stages = stages, Reused = model.Pages.Count - pages, Search = indexed };
        }
        catch
        {
            await searchCancellation.CancelAsync().ConfigureAwait(false);
            // Cancelled or failed on the disk: put the unfinished slot back and release the folder, then report.
            await output.FinishAsync().ConfigureAwait(false);
            throw;
        }

        // Bringing the other slot level runs after the new site is live; callers await it before the next build.
        return result with { Cleanup = Task.WhenAll(output.FinishAsync(), search.Saving, manifestSaving) };
    }

    /// <summary>Build ids name manifests and output slots; random so two caches never confuse one build for another.</summary>
    private static ulong NewBuildId() => BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) | 1;

    private sealed record RenderJob(
        SiteModel Model,
        ContentSnapshot Snapshot,
        SiteConfig Config,
        SiteUrls Urls,
        ThemeTemplates Templates,
        Images.ImageCatalog Images,
        IReadOnlySet<string> Published,
        OutputWriter? Writer,
        PageCache? Cache);

    /// <summary>Renders every page the cache cannot vouch for; returns how many were rendered.</summary>
    private async Task<int> RenderAsync(RenderJob job, DiagnosticBag diagnostics, IProgress<BuildProgress>? progress, CancellationToken cancellationToken)
    {
        var markdown = new MarkdownRenderer(job.Images);
        var links = new ContentLinkResolver(job.Model, job.Urls, job.Snapshot.Media, diagnostics);
        var context = new RenderContext(job.Model, job.Urls, markdown, links, diagnostics) { Images = job.Images };
        var views = new PageViewFactory(context, job.Config, job.Snapshot.Media);
        var checker = new LinkChecker(job.Urls, job.Published);
        var missingLayouts = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var templateProblems = new ConcurrentDictionary<(string Layout, string Problem), (string FirstPage, int Count)>();
        var pending = job.Cache is { } cache ? job.Model.Pages.Where(p => !cache.CanReuse(p)).ToList() : [.. job.Model.Pages];
        var done = 0;
        var total = pending.Count;
        progress?.Report(new BuildProgress("生成页面", 0, total));

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, parallel, async (page, ct) =>
        {
            var layout = job.Templates.Find(LayoutsFor(page));
            if (layout is null)
            {
                if (page.Kind == PageKind.Search)
                {
                    return; // a theme without a search layout has no search page, and no box linking to it
                }

                if (missingLayouts.TryAdd(string.Join('|', LayoutsFor(page)), true))
                {
                    diagnostics.Error($"{options.ThemeDisplayPath}/layouts", 0, $"no layout for {page.Url}: add one of {string.Join(", ", LayoutsFor(page).Select(l => l + ".liquid"))}");
                }

                return;
            }

            var dependencies = job.Cache is null ? null : new PageDependencies();
            string html;
            try
            {
                var (site, view) = await views.ViewsAsync(page, dependencies, ct).ConfigureAwait(false);
                html = await job.Templates.RenderPageAsync(layout, site, view).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or Fluid.ParseException)
            {
                // Fluid reports a theme's runtime problems (step limit, unknown asset) as exceptions: name the layout.
                diagnostics.Error($"{options.ThemeDisplayPath}/layouts/{layout}.liquid", 0, $"rendering {page.Url} failed: {e.Message}");
                return;
            }

            // Content links were checked with their lines already; what is left came from a layout, and one broken
            // link in a layout breaks every page: report it once with a count, not ten thousand times.
            var targets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var problem in checker.Check(html, targets))
            {
                templateProblems.AddOrUpdate((layout, problem), (page.Url, 1), (_, seen) => (seen.FirstPage, seen.Count + 1));
            }

            if (job.Writer is not null)
            {
                job.Cache!.Rendered(page.Url, dependencies!, targets);
                await job.Writer.PageAsync(page.Url, html, ct).ConfigureAwait(false);
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

    /// <summary>The files a build copies rather than writes, by site path, with a hash of their source.</summary>
    private static Dictionary<string, (string Source, UInt128 Hash)> CopiedFiles(
        SiteModel model,
        ContentSnapshot snapshot,
        IReadOnlyDictionary<string, (string SitePath, string Physical)> assets,
        Images.ImageCatalog images)
    {
        var files = new Dictionary<string, (string Source, UInt128 Hash)>(StringComparer.Ordinal);
        foreach (var (sitePath, cached) in images.Files)
        {
            files[sitePath] = (cached, OutputWriter.SourceHash(cached));
        }

        foreach (var (sitePath, physical) in assets.Values)
        {
            files[sitePath] = (physical, OutputWriter.SourceHash(physical));
        }

        foreach (var (key, sitePath) in model.MediaUrls)
        {
            // Handout sources are published as pages; the Markdown itself stays private.
            if (!key.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                var physical = snapshot.Media[key].PhysicalPath;
                files[sitePath] = (physical, OutputWriter.SourceHash(physical));
            }
        }

        return files;
    }

    private static async Task WriteSupportFilesAsync(
        SiteModel model,
        SiteConfig config,
        SiteUrls urls,
        IReadOnlyDictionary<string, (string Source, UInt128 Hash)> copied,
        OutputWriter writer,
        CancellationToken cancellationToken)
    {
        foreach (var (sitePath, (source, hash)) in copied)
        {
            writer.Copy(sitePath, hash, source);
        }

        var dated = model.Items.Where(i => !i.IsIndex);
        await writer.TextAsync("/index.xml", FeedWriter.Write(urls, model, config.Title, "/index.xml", "/", dated), cancellationToken).ConfigureAwait(false);
        foreach (var section in model.Sections)
        {
            var items = model.Items.Where(i => i.Section == section.Name);
            var feed = FeedWriter.Write(urls, model, $"{section.Title} · {config.Title}", section.Url + "index.xml", section.Url, items);
            await writer.TextAsync(section.Url + "index.xml", feed, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (item, sign) in QrSigns(model))
        {
            var address = urls.Absolute(model.UrlOf(item));
            var inputs = new ContentHash().Add("qr").Add(address).Add(item.Title).Value;
            await writer.GeneratedAsync(sign, inputs, () => QrCodeWriter.Write(address, item.Title), cancellationToken).ConfigureAwait(false);
        }

        var lastChanged = model.Items.ToDictionary(i => model.UrlOf(i), i => i.Updated ?? i.Date, StringComparer.Ordinal);
        var indexable = model.Pages
            .Where(p => p.Kind is not (PageKind.NotFound or PageKind.Search or PageKind.Sign) && p.PageNumber == 1)
            .Select(p => (p.Url, lastChanged.GetValueOrDefault(p.Url)));
        await writer.TextAsync("/sitemap.xml", SitemapWriter.Write(urls, indexable), cancellationToken).ConfigureAwait(false);
        await writer.TextAsync("/robots.txt", RobotsWriter.Write(urls), cancellationToken).ConfigureAwait(false);
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

    internal static string[] LayoutsFor(OutputPage page) =>
        page.Kind switch
        {
            PageKind.Home => ["home"],
            PageKind.Section => [$"section-{page.Section!.Name}", "list"],
            PageKind.Term => ["term", "list"],
            PageKind.Terms => ["terms"],
            PageKind.Handout => ["handout"],
            PageKind.Sign => ["sign"],
            PageKind.NotFound => ["404"],
            PageKind.Search => ["search"],
            PageKind.Series => ["series", "list"],
            PageKind.SeriesIndex => ["series-index", "list"],
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
