using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Webhooks;

/// <summary>
/// Queues events for delivery: one <see cref="WebhookDelivery"/> row per active subscription that asked for the event,
/// written to the database (an outbox), which <see cref="WebhookDispatcher"/> then sends.
/// </summary>
public sealed class WebhookOutbox(CmsDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues <paramref name="eventType"/> (one of <see cref="WebhookEvents.All"/>) with <paramref name="data"/> as the
    /// payload's <c>data</c>, and saves the context; returns how many deliveries were queued (0 when no one subscribed).
    /// </summary>
    public async Task<int> EnqueueAsync(string eventType, object data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!WebhookEvents.All.Contains(eventType, StringComparer.Ordinal))
        {
            throw new ArgumentException($"unknown webhook event '{eventType}'", nameof(eventType));
        }

        var queued = await StageAsync(db, [(eventType, data)], clock.GetUtcNow(), cancellationToken);
        if (queued > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return queued;
    }

    /// <summary>Adds the deliveries for <paramref name="events"/> to <paramref name="db"/>'s pending changes, without saving.</summary>
    internal static async Task<int> StageAsync(
        CmsDbContext db, IReadOnlyList<(string Event, object Data)> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active)
            .Select(s => new Subscriber(s.Id, s.Events)).ToListAsync(cancellationToken);
        return Add(db, subscriptions, events, now);
    }

    /// <summary>The same for the synchronous <c>SaveChanges</c>.</summary>
    internal static int Stage(CmsDbContext db, IReadOnlyList<(string Event, object Data)> events, DateTimeOffset now)
    {
        var subscriptions = db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active)
            .Select(s => new Subscriber(s.Id, s.Events)).ToList();
        return Add(db, subscriptions, events, now);
    }

    private static int Add(CmsDbContext db, List<Subscriber> subscriptions, IReadOnlyList<(string Event, object Data)> events, DateTimeOffset now)
    {
        // Whole milliseconds, which every store keeps exactly, so the payload's occurredAt and the row's agree.
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Offset);
        var added = 0;
        foreach (var (type, data) in events)
        {
            var wanted = subscriptions.Where(s => s.Events.Split(',').Contains(type, StringComparer.Ordinal)).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var id = Guid.NewGuid();
            var payload = JsonSerializer.Serialize(new WebhookPayload(id, type, now, data), Json);
            foreach (var subscription in wanted)
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    Id = Guid.NewGuid(),
                    SubscriptionId = subscription.Id,
                    EventId = id,
                    Event = type,
                    Payload = payload,
                    OccurredAt = now,
                    NextAttemptAt = now,
                });
                added++;
            }
        }

        return added;
    }

    private sealed record Subscriber(Guid Id, string Events);
}
