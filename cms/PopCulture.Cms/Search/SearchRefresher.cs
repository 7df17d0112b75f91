using System.Diagnostics;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Search;

/// <summary>
/// Builds this node's indexes at start-up, then keeps them current from the shared database, so every node of a
/// scaled-out CMS finds what any node published within about a second.
/// </summary>
internal sealed class SearchRefresher(
    SearchIndexes indexes, IServiceScopeFactory scopes, IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchRefresher> logger)
    : BackgroundService
{
    private readonly SearchSync _sync = new(indexes, clock);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the node takes requests (after migrations and the demo import), so the first search finds everything.
        var started = Stopwatch.GetTimestamp();
        await RefreshAsync(cancellationToken);
        logger.LogInformation(
            "Search indexes built in {Elapsed:F0} ms: {Live} live items in {LiveBytes} bytes, {Working} working copies in {WorkingBytes} bytes",
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, indexes.Public.Count, indexes.Public.SizeInBytes, indexes.Manage.Count, indexes.Manage.SizeInBytes);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database hiccup must not stop the refresher; the next tick compares again from where the indexes are.
                logger.LogWarning(exception, "Search refresh failed; retrying on the next tick");
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var (live, working) = await _sync.RunAsync(db, TimeSpan.FromSeconds(options.Value.FullCheckSeconds), cancellationToken);
        if (live + working > 0)
        {
            logger.LogDebug("Search re-indexed {Live} live and {Working} working copies", live, working);
        }
    }
}
