using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;
using PopCulture.Site;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// Renders working copies with the live theme over the published content. Reading the published content is most of
/// the cost with thousands of items, so it is kept per published version; a rendered page is kept for a minute per
/// entry revision, so reloading a shared link is cheap; renders run at most one per core.
/// </summary>
public sealed class PreviewRenderer(
    IServiceScopeFactory scopes, SiteStateCache state, IOptions<CmsOptions> options, IMemoryCache cache, MediaVariants variants) : IDisposable
{
    private static readonly TimeSpan RenderLifetime = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _load = new(1, 1);
    private readonly SemaphoreSlim _renders = new(Environment.ProcessorCount);
    // Replaced whole, never changed, so a reader on another thread sees one version's content or another's.
    private volatile Tuple<long, ContentSnapshot>? _published;

    /// <summary>
    /// The entry's working copy rendered as a page (whose <c>Html</c> is null, with problems, when the site cannot show
    /// it), or the validation errors by field of a working copy the site build would refuse.
    /// </summary>
    public Task<(PagePreview.Result? Page, IDictionary<string, string[]>? Errors)> RenderAsync(ContentEntry entry, CmsDbContext db, CancellationToken cancellationToken) =>
        RenderAsync(entry, db, keep: true, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="keep"/> false the page is neither looked up nor kept, for content that is not a
    /// saved revision (the manager's form, rendered as the editor types).
    /// </summary>
    public async Task<(PagePreview.Result? Page, IDictionary<string, string[]>? Errors)> RenderAsync(
        ContentEntry entry, CmsDbContext db, bool keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(db);
        var (version, _) = await state.CurrentAsync(cancellationToken);
        var key = ("preview", entry.Id, entry.Revision, version);
        PagePreview.Result? rendered = null;
        if (keep && cache.TryGetValue(key, out rendered) && rendered is not null)
        {
            return (rendered, null);
        }

        var settings = options.Value;
        var (validation, media) = await PreviewContent.ReadAsync(entry, db, variants, settings.MediaDirectory, cancellationToken);
        if (!validation.IsValid)
        {
            return (null, validation.Errors);
        }

        // A live copy at another path (the slug changed since) is what the draft replaces.
        var replaces = await db.Published.AsNoTracking().Where(p => p.Id == entry.Id).Select(p => p.ContentPath).FirstOrDefaultAsync(cancellationToken);
        await _renders.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await PublishedAsync(version, cancellationToken);
            // The publisher's options, so the preview shows what its build will; the output folder is never written.
            var preview = new PagePreview(new BuildOptions
            {
                ThemeDirectory = settings.ThemeDirectory,
                ThemeDisplayPath = settings.ThemeDirectory,
                OutputDirectory = settings.SiteDirectory,
                BaseUrl = settings.BaseUrl,
                VisitRequestsUrl = Visits.VisitRequestsApi.Path,
            });
            rendered = await preview.RenderAsync(snapshot, validation.Item!, replaces, media, cancellationToken);
            var size = 1024 + (2L * (rendered.Html?.Length ?? 0)) + rendered.Files.Sum(f => 2L * (f.Key.Length + f.Value.Length));
            if (keep)
            {
                cache.Set(key, rendered, new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = RenderLifetime });
            }

            return (rendered, null);
        }
        finally
        {
            _renders.Release();
        }
    }

    /// <summary>The published content at <paramref name="version"/> (or newer, if a publish lands while it loads).</summary>
    private async Task<ContentSnapshot> PublishedAsync(long version, CancellationToken cancellationToken)
    {
        if (_published is { } kept && kept.Item1 == version)
        {
            return kept.Item2;
        }

        await _load.WaitAsync(cancellationToken);
        try
        {
            if (_published is { } loaded && loaded.Item1 == version)
            {
                return loaded.Item2;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            // Problems of live rows are the publisher's to report; a preview shows only its own item's.
            var source = new CmsContentSource(db, options.Value.MediaDirectory, variants, scope.ServiceProvider.GetRequiredService<CmsItemCache>());
            var snapshot = await source.LoadAsync(new DiagnosticBag(), cancellationToken);
            _published = Tuple.Create(version, snapshot);
            return snapshot;
        }
        finally
        {
            _load.Release();
        }
    }

    public void Dispose()
    {
        _load.Dispose();
        _renders.Dispose();
    }
}
