using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Auditing;

/// <summary>One page of the audit log, newest first, filtered and paged in the database; shared by the API and the manager.</summary>
public static class AuditQuery
{
    public static async Task<Page<AuditItem>> PageAsync(CmsDbContext db, AuditFilter filter, int number, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var entries = db.Audit.AsNoTracking();
        if (filter.From is { } start)
        {
            entries = entries.Where(a => a.At >= start);
        }

        if (filter.To is { } end)
        {
            entries = entries.Where(a => a.At < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            // Emails are recorded as people typed them; compare without case on both stores.
            var text = filter.User.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper() to SQL upper(); the culture-taking overloads have no translation.
            entries = entries.Where(a => a.UserEmail != null && a.UserEmail.ToUpper().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            var action = filter.Action;
            entries = entries.Where(a => a.Action.StartsWith(action));
        }

        // The index on At serves the order; only the page's rows leave the database.
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(a => new AuditItem(a.At, a.UserEmail, a.Action, a.Target, a.Detail, a.RemoteAddress))
            .ToListAsync(cancellationToken);
        return new Page<AuditItem>(items, number, size, total);
    }
}
