namespace PopCulture.Cms.Webhooks;

/// <summary>One try at sending a delivery: when, how long it took, and the receiver's status code or the error.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public long DurationMs { get; set; }
}
