using Microsoft.Extensions.Options;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Site;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// Rebuilds the static site from published content after each publish, one build at a time; requests that arrive
/// during a build are folded into one more build after it.
/// </summary>
public sealed class SitePublisher(IServiceScopeFactory scopes, IOptions<CmsOptions> options, ILogger<SitePublisher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _pending;

    /// <summary>The last build's outcome, for health checks and the manager.</summary>
    public BuildResult? LastResult { get; private set; }

    /// <summary>Asks for a rebuild soon; cheap and safe to call from any request.</summary>
    public void RequestBuild()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Builds now and waits for the result (used at start-up so <c>/</c> is there before the first request).</summary>
    public async Task<BuildResult> BuildNowAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var settings = options.Value;
        var builder = new SiteBuilder(new CmsContentSource(db, settings.MediaDirectory), new BuildOptions
        {
            ThemeDirectory = settings.ThemeDirectory,
            ThemeDisplayPath = settings.ThemeDirectory,
            OutputDirectory = settings.SiteDirectory,
            BaseUrl = settings.BaseUrl,
        });
        var result = await builder.BuildAsync(null, cancellationToken);
        await result.Cleanup;
        LastResult = result;
        if (result.Succeeded)
        {
            logger.LogInformation("Site built: {Pages} pages in {Seconds:0.00} s", result.Pages, result.Elapsed.TotalSeconds);
        }
        else
        {
            logger.LogError("Site build failed; the previous site stays live:\n{Problems}", string.Join('\n', result.Diagnostics));
        }

        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(stoppingToken);
            Interlocked.Exchange(ref _pending, 0);
            try
            {
                await BuildNowAsync(stoppingToken);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // A failed build must not stop later ones: log it and keep serving the last good site.
                logger.LogError(e, "Site build crashed");
            }
        }
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }
}
