using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Workflow;

/// <summary>
/// The one way the live copy readers see is changed, for publishing and for imports: within the caller's
/// transaction, followed by a bump of the published-content version that delivery caches key on.
/// </summary>
public static class LiveCopy
{
    /// <summary>Makes <paramref name="entry"/>'s current revision the live one.</summary>
    public static async Task PublishAsync(this CmsDbContext db, ContentEntry entry, ContentItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        await db.RemoveLiveAsync(entry.Id, cancellationToken);
        db.Published.Add(EntryMapping.ToPublished(entry, item, now));
        entry.Status = WorkflowStatus.Published;
        entry.PublishedRevision = entry.Revision;
        entry.PublishAt = null;
    }

    /// <summary>Takes an entry off the site (its working copy stays).</summary>
    public static async Task RemoveLiveAsync(this CmsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.PublishedTerms.Where(t => t.EntryId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Published.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>One atomic increment in SQL, so two nodes publishing at once both move the version on.</summary>
    public static async Task BumpPublishedVersionAsync(this CmsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SiteState.Where(s => s.Id == 1).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.PublishedVersion, x => x.PublishedVersion + 1).SetProperty(x => x.ChangedAt, now),
            cancellationToken);
    }
}
