using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Publishing;

/// <summary>Queues a rebuild of every page and audits who asked: the builds API's POST and the manager's button.</summary>
public static class FullRebuild
{
    /// <summary>The caller has checked that <paramref name="user"/> is an admin who may write.</summary>
    public static async Task QueueAsync(SitePublisher publisher, AuditLog audit, CmsDbContext db, CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        publisher.RequestBuild($"full rebuild asked for by {user.Email}", full: true);
        audit.Record("site.rebuild", "site", "full rebuild", user.UserId, user.Email);
        await db.SaveChangesAsync(cancellationToken);
    }
}
