using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Webhooks;

/// <summary>The webhooks API's changes: create (the secret is shown once), update and delete, each audited.</summary>
public static partial class WebhooksApi
{
    private static async Task<IResult> CreateAsync(
        WebhookRequest request, AccessControl access, CmsDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (AdminGate.Refused(user, writes: true, out var refusal))
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var url = WebhookRules.ReadUrl(request.Url, errors);
        var events = WebhookRules.ReadEvents(request.Events, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.WebhookSubscriptions.CountAsync(cancellationToken) >= WebhookRules.MaxSubscriptions)
        {
            return AdminGate.Conflict($"there are already {WebhookRules.MaxSubscriptions} webhooks; delete one first");
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
        return TypedResults.Created(
            $"/api/v1/manage/webhooks/{subscription.Id}",
            new CreatedWebhook(info.Id, info.Url, info.Events, info.Active, info.CreatedBy, info.CreatedAt, info.UpdatedAt, subscription.Secret));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, WebhookRequest request, AccessControl access, CmsDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: true, out var refusal))
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var url = request.Url is null ? null : WebhookRules.ReadUrl(request.Url, errors);
        var events = request.Events is null ? null : WebhookRules.ReadEvents(request.Events, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return AdminGate.NotFound($"no webhook {id}");
        }

        subscription.Url = url ?? subscription.Url;
        subscription.Events = events ?? subscription.Events;
        subscription.Active = request.Active ?? subscription.Active;
        subscription.UpdatedAt = clock.GetUtcNow();
        audit.Record("webhooks.update", subscription.Id.ToString(), $"{subscription.Url} for {subscription.Events}, {(subscription.Active ? "active" : "inactive")}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookInfo.From(subscription));
    }

    private static async Task<IResult> DeleteAsync(Guid id, AccessControl access, CmsDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: true, out var refusal))
        {
            return refusal;
        }

        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return AdminGate.NotFound($"no webhook {id}");
        }

        // Its deliveries and their attempts go with it (cascade), including any still pending.
        db.WebhookSubscriptions.Remove(subscription);
        audit.Record("webhooks.delete", subscription.Id.ToString(), subscription.Url);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
