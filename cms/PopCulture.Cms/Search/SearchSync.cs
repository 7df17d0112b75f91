using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Search;

/// <summary>
/// Brings this node's indexes in step with the shared database, reading whole rows only for entries that changed.
/// Only the refresher calls it, one run at a time.
/// </summary>
internal sealed class SearchSync(SearchIndexes indexes, TimeProvider clock)
{
    private const int Batch = 500;

    private long _publishedVersion = -1;
    private long _auditMark = -1;
    private DateTimeOffset _lastFullCheck = DateTimeOffset.MinValue;

    /// <summary>Re-indexes what changed since the last run; returns how many live and working copies were re-indexed or removed.</summary>
    public async Task<(int Public, int Manage)> RunAsync(CmsDbContext db, TimeSpan fullCheck, CancellationToken cancellationToken) =>
        (await SyncLiveAsync(db, cancellationToken), await SyncWorkingAsync(db, fullCheck, cancellationToken));

    private async Task<int> SyncLiveAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        // Every publish, unpublish and import bumps the version in the transaction that changes the live copy,
        // so an unchanged version means nothing to do, at the cost of reading one row.
        var version = await db.SiteState.AsNoTracking().Where(s => s.Id == 1).Select(s => s.PublishedVersion).SingleAsync(cancellationToken);
        if (version == _publishedVersion)
        {
            return 0;
        }

        var rows = await db.Published.AsNoTracking().Select(p => new { p.Id, p.Revision, p.PublishedAt }).ToListAsync(cancellationToken);
        var changed = Diff(indexes.Public, rows.ToDictionary(r => r.Id, r => SearchSource.PublishedFingerprint(r.Revision, r.PublishedAt)));
        foreach (var chunk in changed.Ids.Chunk(Batch))
        {
            var entries = await db.Published.AsNoTracking().Include(p => p.Terms).Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                indexes.Public.Upsert(SearchSource.FromPublished(entry));
            }
        }

        indexes.Public.Publish();
        _publishedVersion = version;
        return changed.Ids.Count + changed.Removed;
    }

    private async Task<int> SyncWorkingAsync(CmsDbContext db, TimeSpan fullCheck, CancellationToken cancellationToken)
    {
        // Every change to an entry (save, move, delete, import) writes an audit row in its transaction, and workflow
        // moves change neither the revision nor the update time: a new audit id is the cheap signal to compare.
        var now = clock.GetUtcNow();
        var mark = await db.Audit.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        if (mark == _auditMark && now - _lastFullCheck < fullCheck)
        {
            return 0;
        }

        var rows = await db.Entries.AsNoTracking().Select(e => new { e.Id, e.Revision, e.Status, e.UpdatedAt }).ToListAsync(cancellationToken);
        var changed = Diff(indexes.Manage, rows.ToDictionary(r => r.Id, r => SearchSource.WorkingFingerprint(r.Revision, r.Status, r.UpdatedAt)));
        foreach (var chunk in changed.Ids.Chunk(Batch))
        {
            var entries = await db.Entries.AsNoTracking().Where(e => chunk.Contains(e.Id)).ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                indexes.Manage.Upsert(SearchSource.FromWorking(entry, now));
            }
        }

        indexes.Manage.Publish();
        (_auditMark, _lastFullCheck) = (mark, now);
        return changed.Ids.Count + changed.Removed;
    }

    /// <summary>Removes what is gone from the store; returns the entries whose fingerprint is new or different.</summary>
    private static (List<Guid> Ids, int Removed) Diff(SearchIndex index, Dictionary<Guid, string> current)
    {
        var gone = index.Fingerprints.Keys.Where(id => !current.ContainsKey(id)).ToList();
        foreach (var id in gone)
        {
            index.Delete(id);
        }

        var changed = current.Where(c => !index.Fingerprints.TryGetValue(c.Key, out var known) || known != c.Value).Select(c => c.Key).ToList();
        return (changed, gone.Count);
    }
}
