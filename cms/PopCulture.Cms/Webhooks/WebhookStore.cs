using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Webhooks;

/// <summary>
/// Webhook subscriptions and their deliveries as admins see and change them, with one set of rules and audit records for
/// the webhooks API and the manager. Callers check that the user is an admin first.
/// </summary>
public sealed class WebhookStore(CmsDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Subscriptions, newest first, without their secrets.</summary>
    public async Task<Page<WebhookInfo>> PageAsync(int number, int size, CancellationToken cancellationToken)
    {
        var total = await db.WebhookSubscriptions.CountAsync(cancellationToken);
        var rows = await db.WebhookSubscriptions.AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<WebhookInfo>([.. rows.Select(WebhookInfo.From)], number, size, total);
    }

    public async Task<WebhookInfo?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subscription is null ? null : WebhookInfo.From(subscription);
    }

    /// <summary>Subscribes a URL; the result carries the signing secret, which is never shown again.</summary>
    public async Task<Outcome<CreatedWebhook>> CreateAsync(WebhookRequest request, CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var url = WebhookRules.ReadUrl(request.Url, errors);
        var events = WebhookRules.ReadEvents(request.Events, errors);
        if (errors.Count > 0)
        {
            return Outcome<CreatedWebhook>.Invalid(errors);
        }

        if (await db.WebhookSubscriptions.CountAsync(cancellationToken) >= WebhookRules.MaxSubscriptions)
        {
            return Outcome<CreatedWebhook>.Conflict($"there are already {WebhookRules.MaxSubscriptions} webhooks; delete one first");
        }

        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(),
            Url = url!,
            Events = events!,
            Secret = WebhookSignature.NewSecret(),
            Active = request.Active ?? true,
            CreatedBy = user.Email,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        audit.Record("webhooks.create", subscription.Id.ToString(), $"{subscription.Url} for {subscription.Events}");
        await db.SaveChangesAsync(cancellationToken);
        var info = WebhookInfo.From(subscription);
        return Outcome<CreatedWebhook>.Ok(
            new CreatedWebhook(info.Id, info.Url, info.Events, info.Active, info.CreatedBy, info.CreatedAt, info.UpdatedAt, subscription.Secret));
    }

    /// <summary>Changes the URL, events or active flag; what the request leaves out stays.</summary>
    public async Task<Outcome<WebhookInfo>> UpdateAsync(Guid id, WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var url = request.Url is null ? null : WebhookRules.ReadUrl(request.Url, errors);
        var events = request.Events is null ? null : WebhookRules.ReadEvents(request.Events, errors);
        if (errors.Count > 0)
        {
            return Outcome<WebhookInfo>.Invalid(errors);
        }

        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return Outcome<WebhookInfo>.NotFound();
        }

        subscription.Url = url ?? subscription.Url;
        subscription.Events = events ?? subscription.Events;
        subscription.Active = request.Active ?? subscription.Active;
        subscription.UpdatedAt = clock.GetUtcNow();
        audit.Record("webhooks.update", subscription.Id.ToString(), $"{subscription.Url} for {subscription.Events}, {(subscription.Active ? "active" : "inactive")}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<WebhookInfo>.Ok(WebhookInfo.From(subscription));
    }

    /// <summary>Deletes a subscription with its deliveries; answers what was deleted.</summary>
    public async Task<Outcome<WebhookInfo>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return Outcome<WebhookInfo>.NotFound();
        }

        // Its deliveries and their attempts go with it (cascade), including any still pending.
        db.WebhookSubscriptions.Remove(subscription);
        audit.Record("webhooks.delete", subscription.Id.ToString(), subscription.Url);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<WebhookInfo>.Ok(WebhookInfo.From(subscription));
    }

    /// <summary>A subscription's deliveries, newest first, each with its attempts; null when there is no such subscription.</summary>
    public async Task<Page<WebhookDeliveryInfo>?> DeliveriesAsync(Guid id, int number, int size, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return null;
        }

        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        var total = await deliveries.CountAsync(cancellationToken);
        var rows = await deliveries.OrderByDescending(d => d.OccurredAt).ThenBy(d => d.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var ids = rows.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return new Page<WebhookDeliveryInfo>([.. rows.Select(d => WebhookDeliveryInfo.From(d, attempts[d.Id]))], number, size, total);
    }
}
