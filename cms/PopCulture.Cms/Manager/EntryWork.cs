using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>
/// What the entry's page needs to know, asked of the same rules the APIs use: the entry, the moves this user may make
/// now, its revisions, and whether they may restore one or share a preview.
/// </summary>
public sealed class EntryWork(CmsDbContext db)
{
    /// <summary>The entry as <paramref name="user"/> may work on it, or null when it does not exist for them.</summary>
    public async Task<EntryWorkView?> LoadAsync(Guid id, CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null || !user.Can(ContentAction.Read, entry.Section))
        {
            return null;
        }

        return new EntryWorkView(
            entry,
            WorkflowMoves.Allowed(user, entry),
            await RevisionHistory.ListAsync(db, entry, cancellationToken),
            CanRestore: user.Can(ContentAction.Edit, entry.Section, entry.Status),
            // The preview service refuses a revision that is already live: offer the button only when it would work.
            CanPreview: !(entry.PublishedRevision >= entry.Revision));
    }
}
