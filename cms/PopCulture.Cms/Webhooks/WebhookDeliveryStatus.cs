namespace PopCulture.Cms.Webhooks;

/// <summary>Where a delivery stands: waiting for its next attempt, or done one way or another.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,

    /// <summary>The subscription was switched off before the delivery went out.</summary>
    Cancelled,
}
