using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Publishing;

/// <summary>Issues preview links for the API and the manager alike: who may, for how long, and the audit record.</summary>
public sealed class PreviewLinks(CmsDbContext db, PreviewTokens tokens, AuditLog audit, IOptions<PreviewOptions> options, TimeProvider clock)
{
    /// <summary>A link to <paramref name="id"/>'s working copy, valid for <paramref name="lifetime"/> or the configured default.</summary>
    public async Task<Outcome<PreviewLink>> CreateAsync(Guid id, CmsPrincipal user, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Section, e.Slug, e.Revision, e.PublishedRevision }).FirstOrDefaultAsync(cancellationToken);
        if (entry is null || !user.Can(ContentAction.Read, entry.Section))
        {
            return Outcome<PreviewLink>.NotFound();
        }

        if (entry.PublishedRevision >= entry.Revision)
        {
            return Outcome<PreviewLink>.Conflict($"revision {entry.Revision} is already live: there is nothing to preview");
        }

        var expiresAt = clock.GetUtcNow() + (lifetime ?? options.Value.Lifetime);
        var token = tokens.Issue(id, entry.Revision, expiresAt);
        // Who shared which draft, and until when; never the token itself.
        audit.Record("content.preview", $"{entry.Section}/{entry.Slug}", $"revision {entry.Revision}, link valid until {expiresAt:O}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PreviewLink>.Ok(new PreviewLink($"/preview/{token}", expiresAt));
    }
}
