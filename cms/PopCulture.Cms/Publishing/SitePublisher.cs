using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Webhooks;
using PopCulture.Site;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// Rebuilds the static site after publishes, one build at a time across every CMS node (a database lease). Requests that
/// arrive together are folded into one build: it starts once requests have stopped for a moment (or a second after the
/// first), and what arrives during a build makes one more build after it. Each build is recorded with why it ran.
/// </summary>
public sealed class SitePublisher(IServiceScopeFactory scopes, IOptions<CmsOptions> options, TimeProvider clock, ILogger<SitePublisher> logger)
    : BackgroundService
{
    private const string LeaseName = "site-build";
    private const int MaxProblems = 50;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly Channel<BuildRequest> _requests = Channel.CreateUnbounded<BuildRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _building = new(1, 1);
    private long _builtVersion = -1;
    // This node's builds, one at a time (_building), keep their manifest and the search index's postings between them.
    private readonly BuildMemory _memory = new();

    /// <summary>The last build's outcome, for health checks.</summary>
    public BuildResult? LastResult { get; private set; }

    /// <summary>Asks for a rebuild soon; cheap and safe to call from any request.</summary>
    public void RequestBuild(string reason, bool full = false) =>
        _requests.Writer.TryWrite(new BuildRequest(reason, full, clock.GetUtcNow()));

    /// <summary>Builds now and waits for the result (used at start-up so <c>/</c> is there before the first request).</summary>
    public Task<BuildResult> BuildNowAsync(string reason, CancellationToken cancellationToken) =>
        BuildAsync([new BuildRequest(reason, false, clock.GetUtcNow())], cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watching = WatchOtherNodesAsync(stoppingToken);
        var reader = _requests.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            var batch = await GatherAsync(reader, stoppingToken);
            try
            {
                await BuildAsync(batch, stoppingToken);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or DbUpdateException or System.Data.Common.DbException)
            {
                // A failed build must not stop later ones: log it and keep serving the last good site.
                logger.LogError(e, "Site build crashed; the previous site stays live");
            }
        }

        await watching;
    }

    /// <summary>Collects the requests of one burst: until none has come for <see cref="Quiet"/>, at most <see cref="MaxWait"/>.</summary>
    private async Task<List<BuildRequest>> GatherAsync(ChannelReader<BuildRequest> reader, CancellationToken cancellationToken)
    {
        var batch = new List<BuildRequest>();
        var deadline = clock.GetUtcNow() + MaxWait;
        while (true)
        {
            while (reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            var wait = deadline - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return batch;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait < Quiet ? wait : Quiet);
            try
            {
                await reader.WaitToReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return batch; // quiet for long enough
            }
        }
    }

    private async Task<BuildResult> BuildAsync(IReadOnlyList<BuildRequest> requests, CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var services = scope.ServiceProvider;
            var leases = services.GetRequiredService<LeaseService>();
            while (!await leases.TryAcquireAsync(LeaseName, LeaseTime, cancellationToken))
            {
                await Task.Delay(LeaseRetry, clock, cancellationToken); // another node is building
            }

            try
            {
                return await BuildLeasedAsync(services, requests, cancellationToken);
            }
            finally
            {
                await leases.ReleaseAsync(LeaseName, CancellationToken.None);
            }
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task<BuildResult> BuildLeasedAsync(IServiceProvider services, IReadOnlyList<BuildRequest> requests, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CmsDbContext>();
        var settings = options.Value;
        var version = await db.SiteState.AsNoTracking().Where(s => s.Id == 1).Select(s => s.PublishedVersion).SingleAsync(cancellationToken);
        var record = new BuildRecord
        {
            Id = Guid.NewGuid(),
            RequestedAt = requests.Min(r => r.At),
            StartedAt = clock.GetUtcNow(),
            Status = "running",
            Reasons = string.Join('\n', requests.Select(r => r.Reason).Distinct(StringComparer.Ordinal).Take(MaxProblems)),
            Full = requests.Any(r => r.Full),
            Node = LeaseService.Holder,
            PublishedVersion = version,
        };
        db.Builds.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        var source = new CmsContentSource(db, settings.MediaDirectory, services.GetRequiredService<Media.MediaVariants>(), services.GetRequiredService<CmsItemCache>());
        var builder = new SiteBuilder(source, new BuildOptions
        {
            ThemeDirectory = settings.ThemeDirectory,
            ThemeDisplayPath = settings.ThemeDirectory,
            OutputDirectory = settings.SiteDirectory,
            BaseUrl = settings.BaseUrl,
            Full = record.Full,
            // The CMS serves the site it builds, so hall pages can post class-visit requests to it.
            VisitRequestsUrl = Visits.VisitRequestsApi.Path,
            Memory = _memory,
        });
        BuildResult result;
        try
        {
            result = await builder.BuildAsync(null, cancellationToken);
        }
        catch (Exception e)
        {
            // The build stopped before the swap (the disk, a cancelled start-up): the live site is the one before it. The
            // record says so rather than staying "running" for ever; the caller logs the exception.
            record.Errors = 1;
            record.Problems = $"{settings.SiteDirectory}: the build stopped before the new site went live ({e.GetType().Name}: {e.Message})";
            await FinishAsync(services, record, "failed", clock.GetUtcNow() - record.StartedAt);
            throw;
        }

        var problems = result.Diagnostics.Select(d => d.ToString()).ToList();
        record.Errors = result.Diagnostics.Count(d => d.Severity == PopCulture.Site.Content.Severity.Error);
        record.Warnings = result.Diagnostics.Count - record.Errors;
        try
        {
            await result.Cleanup;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Saving the build cache and levelling the spare slot run after the swap: the new site is live whatever happens
            // here. This node keeps the manifest in memory, so a lost cache costs one full render when the CMS restarts.
            const string Lost = "saving its build cache or tidying the spare copy failed, so a CMS started afresh renders every page once";
            logger.LogWarning(e, "Site built and live, but {Lost}", Lost);
            problems.Insert(0, $"{settings.SiteDirectory}: the new site is live, but {Lost} ({e.Message})");
            record.Warnings++;
        }

        LastResult = result;
        Interlocked.Exchange(ref _builtVersion, version);

        record.PagesRendered = result.Pages;
        record.PagesReused = result.Reused;
        record.FilesWritten = result.Files;
        record.Problems = string.Join('\n', problems.Take(MaxProblems));
        await FinishAsync(services, record, result.Succeeded ? "succeeded" : "failed", result.Elapsed);

        if (result.Succeeded)
        {
            logger.LogInformation("Site built: {Rendered} pages rendered, {Reused} unchanged, {Files} files written in {Seconds:0.00} s ({Stages})",
                result.Pages, result.Reused, result.Files, result.Elapsed.TotalSeconds,
                string.Join(", ", result.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value.TotalMilliseconds:0} ms"))));
        }
        else
        {
            logger.LogError("Site build failed; the previous site stays live:\n{Problems}", record.Problems);
        }

        return result;
    }

    /// <summary>Ends the build's record and tells the webhooks, whether or not the build was cancelled meanwhile.</summary>
    private async Task FinishAsync(IServiceProvider services, BuildRecord record, string status, TimeSpan elapsed)
    {
        record.FinishedAt = clock.GetUtcNow();
        record.Status = status;
        record.DurationMs = (long)elapsed.TotalMilliseconds;
        await services.GetRequiredService<CmsDbContext>().SaveChangesAsync(CancellationToken.None);
        await services.GetRequiredService<WebhookOutbox>().EnqueueAsync(WebhookEvents.BuildFinished, BuildInfo.From(record), CancellationToken.None);
    }

    /// <summary>
    /// Publishes made on other nodes reach this one through the database: when the published version moves on and this node
    /// has not built it, it asks for a build (which, if the nodes share the site folder, finds nothing to write).
    /// </summary>
    private async Task WatchOtherNodesAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval, clock);
        while (await WaitAsync(timer, cancellationToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
                var state = await db.SiteState.AsNoTracking().SingleAsync(s => s.Id == 1, cancellationToken);
                var settled = clock.GetUtcNow() - state.ChangedAt > PollInterval;
                if (settled && state.PublishedVersion != Interlocked.Read(ref _builtVersion) && _building.CurrentCount == 1)
                {
                    RequestBuild("content published on another node");
                }
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly unavailable; the next tick looks again.
                logger.LogWarning(e, "Could not read the published version; retrying");
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false; // shutting down
        }
    }

    public override void Dispose()
    {
        _building.Dispose();
        base.Dispose();
    }

    private sealed record BuildRequest(string Reason, bool Full, DateTimeOffset At);
}
