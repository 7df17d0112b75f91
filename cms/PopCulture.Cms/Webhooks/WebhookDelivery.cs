namespace PopCulture.Cms.Webhooks;

/// <summary>
/// One event for one subscription: an outbox row written with the change that raised it, so nothing is lost on a
/// restart, and claimed by one CMS node at a time through <see cref="LockedUntil"/> and <see cref="ClaimId"/>.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary>The event's id, the same in every subscription's copy, so a receiver can tell repeats apart.</summary>
    public Guid EventId { get; set; }

    public required string Event { get; set; }

    /// <summary>The exact JSON body sent, fixed when the event happened, so every attempt signs and sends the same bytes.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    public int AttemptCount { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While in the future, the node that claimed the delivery is sending it and no other node may.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Set by each claim; the result is only saved by the claim that still holds it.</summary>
    public Guid? ClaimId { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<WebhookAttempt> Attempts { get; set; } = [];
}
