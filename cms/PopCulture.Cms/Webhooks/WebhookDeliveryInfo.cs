using System.Text.Json;

namespace PopCulture.Cms.Webhooks;

/// <summary>
/// One delivery of an event to a subscription, with every attempt so far. Its status is <c>pending</c>, <c>delivered</c>,
/// <c>failed</c> (attempts used up) or <c>cancelled</c> (subscription switched off first). The payload is the body
/// as sent, so an admin can see what a receiver got.
/// </summary>
public sealed record WebhookDeliveryInfo(
    Guid Id, Guid EventId, string Event, string Status, DateTimeOffset OccurredAt, int AttemptCount, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt, JsonElement Payload, IReadOnlyList<WebhookAttemptInfo> Attempts)
{
    public static WebhookDeliveryInfo From(WebhookDelivery delivery, IEnumerable<WebhookAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var pending = delivery.Status == WebhookDeliveryStatus.Pending;
        return new(
            delivery.Id, delivery.EventId, delivery.Event, Name(delivery.Status), delivery.OccurredAt, delivery.AttemptCount,
            pending ? delivery.NextAttemptAt : null, delivery.CompletedAt, JsonElement.Parse(delivery.Payload),
            [.. attempts.OrderBy(a => a.Number).Select(a => new WebhookAttemptInfo(a.Number, a.At, a.StatusCode, a.Error, a.DurationMs))]);
    }

    private static string Name(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Pending => "pending",
        WebhookDeliveryStatus.Delivered => "delivered",
        WebhookDeliveryStatus.Failed => "failed",
        WebhookDeliveryStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
