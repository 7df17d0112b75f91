using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Publishing;

namespace PopCulture.Cms.Workflow;

/// <summary>
/// Moves entries through draft → in review → (scheduled →) published → archived, checks who may make each move (by <see cref="WorkflowMoves"/>),
/// and keeps the live copy (<see cref="PublishedEntry"/>) and the published-content version in step.
/// </summary>
public sealed class WorkflowService(CmsDbContext db, AuditLog audit, TimeProvider clock, SiteStateCache state, SitePublisher publisher)
{
    public async Task<Outcome<ContentEntry>> ApplyAsync(Guid id, TransitionRequest request, CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (WorkflowMoves.Permission(request.Action) is not { } permission)
        {
            return Outcome<ContentEntry>.Invalid("action", $"action must be one of {string.Join(", ", WorkflowMoves.Actions)}");
        }

        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null || !user.Can(ContentAction.Read, entry.Section))
        {
            return Outcome<ContentEntry>.NotFound();
        }

        if (!user.Can(permission, entry.Section, entry.Status))
        {
            return Outcome<ContentEntry>.Forbidden($"you may not {request.Action} content in section '{entry.Section}'");
        }

        if (request.Revision is { } basedOn && basedOn != entry.Revision)
        {
            return Outcome<ContentEntry>.Conflict($"the entry is at revision {entry.Revision}; your move is based on revision {basedOn}");
        }

        if (!WorkflowMoves.AppliesTo(request.Action!, entry))
        {
            return Outcome<ContentEntry>.Conflict($"cannot {request.Action} an entry that is {entry.Status}");
        }

        var now = clock.GetUtcNow();
        if (request.ExpireAt is { } expiry && expiry <= (request.At ?? now))
        {
            return Outcome<ContentEntry>.Invalid("expireAt", "expiry must be after the publish time");
        }

        // The live copy is replaced with set-based SQL; one transaction keeps it, the entry and the audit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var published = false;
        switch (request.Action)
        {
            case "submit":
                entry.Status = WorkflowStatus.InReview;
                break;
            case "reject":
                entry.Status = WorkflowStatus.Draft;
                entry.PublishAt = null;
                break;
            case "approve" or "publish":
                if (await MissingCourseAsync(entry, cancellationToken) is { } course)
                {
                    return Outcome<ContentEntry>.Invalid("frontMatter.course", $"course '{course}' is not published in section '{entry.Section}': publish the course first");
                }

                if (await Media.LibraryReferences.ProblemAsync(db, entry.FrontMatter, entry.Body, cancellationToken) is { } mediaProblem)
                {
                    return Outcome<ContentEntry>.Invalid("media", mediaProblem);
                }

                entry.ExpireAt = request.ExpireAt ?? entry.ExpireAt;
                if (request.At is { } at && at > now)
                {
                    entry.Status = WorkflowStatus.Scheduled;
                    entry.PublishAt = at.ToUniversalTime();
                }
                else
                {
                    await PublishAsync(entry, cancellationToken);
                    published = true;
                }

                break;
            case "unpublish":
                await UnpublishAsync(entry, cancellationToken);
                published = true;
                break;
            case "restore":
                entry.Status = WorkflowStatus.Draft;
                break;
            case "schedule-expiry":
                entry.ExpireAt = request.ExpireAt?.ToUniversalTime();
                break;
        }

        audit.Record($"content.{request.Action}", $"{entry.Section}/{entry.Slug}", request.Comment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ContentEntry>.Conflict("the entry was changed by someone else meanwhile; reload it and try again");
        }

        await transaction.CommitAsync(cancellationToken);
        if (published)
        {
            state.Invalidate();
            publisher.RequestBuild($"{request.Action} {entry.Section}/{entry.Slug}");
        }

        return Outcome<ContentEntry>.Ok(entry);
    }

    /// <summary>Publishes scheduled entries whose time has come and archives expired ones; returns how many moved.</summary>
    public async Task<int> RunScheduleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Entries.Where(e => e.Status == WorkflowStatus.Scheduled && e.PublishAt <= now).ToListAsync(cancellationToken);
        var expired = await db.Entries.Where(e => e.ExpireAt <= now && (e.Status == WorkflowStatus.Published || e.PublishedRevision != null)).ToListAsync(cancellationToken);
        foreach (var entry in due)
        {
            await PublishAsync(entry, cancellationToken);
            audit.Record("content.publish", $"{entry.Section}/{entry.Slug}", "scheduled", "system", "system");
        }

        foreach (var entry in expired.Where(e => !due.Contains(e)))
        {
            await UnpublishAsync(entry, cancellationToken);
            audit.Record("content.expire", $"{entry.Section}/{entry.Slug}", "expired", "system", "system");
        }

        var moved = due.Count + expired.Count;
        if (moved > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            state.Invalidate();
            publisher.RequestBuild($"schedule: {due.Count} published, {expired.Count(e => !due.Contains(e))} expired");
        }

        return moved;
    }

    /// <summary>A lesson may only go live once its course is live, or the site build would reject it.</summary>
    private async Task<string?> MissingCourseAsync(ContentEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Type != PopCulture.Site.Content.ContentTypes.Lesson)
        {
            return null;
        }

        var item = EntryMapping.ToItem(entry.Section, entry.Slug, entry.ContentPath, entry.FrontMatter, entry.Body);
        var course = ((PopCulture.Site.Content.LessonFields)item.Fields!).Course;
        var live = await db.Published.AnyAsync(
            p => p.Section == entry.Section && p.Slug == course && p.Type == PopCulture.Site.Content.ContentTypes.Course, cancellationToken);
        return live ? null : course;
    }

    private async Task PublishAsync(ContentEntry entry, CancellationToken cancellationToken)
    {
        var item = EntryMapping.ToItem(entry.Section, entry.Slug, entry.ContentPath, entry.FrontMatter, entry.Body);
        var now = clock.GetUtcNow();
        await db.PublishAsync(entry, item, now, cancellationToken);
        await db.BumpPublishedVersionAsync(now, cancellationToken);
    }

    private async Task UnpublishAsync(ContentEntry entry, CancellationToken cancellationToken)
    {
        await db.RemoveLiveAsync(entry.Id, cancellationToken);
        entry.Status = WorkflowStatus.Archived;
        entry.PublishedRevision = null;
        entry.PublishAt = null;
        entry.ExpireAt = null;
        await db.BumpPublishedVersionAsync(clock.GetUtcNow(), cancellationToken);
    }
}
