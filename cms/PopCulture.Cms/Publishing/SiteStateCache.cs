using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// The published-content version, read from the database at most once a second per node: delivery caches and ETags
/// key on it, so a publish on any node is seen everywhere within a second, and at once on the node that made it.
/// </summary>
public sealed class SiteStateCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (long Version, DateTimeOffset ChangedAt, DateTimeOffset ReadAt) _state = (-1, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    public async ValueTask<(long Version, DateTimeOffset ChangedAt)> CurrentAsync(CancellationToken cancellationToken)
    {
        var state = _state;
        if (clock.GetUtcNow() - state.ReadAt < Freshness)
        {
            return (state.Version, state.ChangedAt);
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _state.ReadAt >= Freshness)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
                var row = await db.SiteState.AsNoTracking().SingleAsync(s => s.Id == 1, cancellationToken);
                _state = (row.PublishedVersion, row.ChangedAt, clock.GetUtcNow());
            }

            return (_state.Version, _state.ChangedAt);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the cached version so the next read sees this node's own publish.</summary>
    public void Invalidate() => _state = (-1, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    public void Dispose() => _refresh.Dispose();
}
