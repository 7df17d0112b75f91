using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Content;

/// <summary>Reads an entry's revisions for the revisions API and the manager alike.</summary>
public static class RevisionHistory
{
    /// <summary>
    /// <paramref name="entry"/>'s revisions, newest first, marking the live and the current one; bodies and front
    /// matter stay in the database.
    /// </summary>
    public static async Task<List<RevisionSummary>> ListAsync(CmsDbContext db, ContentEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        var rows = await db.Revisions.AsNoTracking().Where(r => r.EntryId == entry.Id).OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.CreatedAt, r.CreatedBy, r.Note, r.Section, r.Slug })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RevisionSummary(
            r.Number, r.CreatedAt, r.CreatedBy, r.Note, r.Section, r.Slug, r.Number == entry.PublishedRevision, r.Number == entry.Revision))];
    }

    /// <summary>One revision's full snapshot, or null when the entry has no such revision.</summary>
    public static Task<ContentRevision?> FindAsync(CmsDbContext db, Guid id, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.EntryId == id && r.Number == number, cancellationToken);
    }
}
