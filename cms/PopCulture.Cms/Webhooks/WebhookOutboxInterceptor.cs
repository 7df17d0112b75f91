using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Site.Model;

namespace PopCulture.Cms.Webhooks;

/// <summary>
/// Raises <c>entry.published</c> and <c>entry.unpublished</c> in the very <c>SaveChanges</c> that changes the live copy,
/// so an entry never goes live or off without its event being stored, whichever path moved it: the workflow, the
/// scheduled publisher or an import. It watches what <see cref="Workflow.LiveCopy"/> does to tracked rows: a new
/// <see cref="PublishedEntry"/> is a publish; a <see cref="ContentEntry"/> losing its published revision is an unpublish.
/// </summary>
public sealed class WebhookOutboxInterceptor(TimeProvider clock, IOptions<CmsOptions> settings) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CmsDbContext db && Collect(db) is { Count: > 0 } events)
        {
            await WebhookOutbox.StageAsync(db, events, clock.GetUtcNow(), cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CmsDbContext db && Collect(db) is { Count: > 0 } events)
        {
            WebhookOutbox.Stage(db, events, clock.GetUtcNow());
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Unstage(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Unstage(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A failed save is rolled back; if the caller saves again, the events are raised afresh, not twice.</summary>
    private static void Unstage(DbContext? context)
    {
        foreach (var staged in context?.ChangeTracker.Entries<WebhookDelivery>().Where(e => e.State == EntityState.Added).ToList() ?? [])
        {
            staged.State = EntityState.Detached;
        }
    }

    private List<(string Event, object Data)> Collect(CmsDbContext db)
    {
        var events = new List<(string Event, object Data)>();
        foreach (var live in db.ChangeTracker.Entries<PublishedEntry>().Where(e => e.State == EntityState.Added))
        {
            var p = live.Entity;
            events.Add((WebhookEvents.EntryPublished, Data(p.Id, p.Section, p.Slug, p.Type, p.Title, p.Revision)));
        }

        foreach (var entry in db.ChangeTracker.Entries<ContentEntry>().Where(e => e.State == EntityState.Modified))
        {
            var e = entry.Entity;
            if (e.PublishedRevision is null && entry.Property(x => x.PublishedRevision).OriginalValue is not null)
            {
                events.Add((WebhookEvents.EntryUnpublished, Data(e.Id, e.Section, e.Slug, e.Type, e.Title, null)));
            }
        }

        return events;
    }

    private WebhookEntryData Data(Guid id, string section, string slug, string type, string title, int? revision)
    {
        var path = SiteUrls.ItemPath(section, slug);
        var baseUrl = settings.Value.BaseUrl?.TrimEnd('/') ?? "";
        return new WebhookEntryData(id, section, slug, type, title, path, baseUrl + path, revision);
    }
}
