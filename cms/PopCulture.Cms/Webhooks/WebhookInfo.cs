namespace PopCulture.Cms.Webhooks;

/// <summary>A subscription as listed: everything but its secret.</summary>
public sealed record WebhookInfo(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookInfo From(WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new(subscription.Id, subscription.Url, subscription.EventList, subscription.Active, subscription.CreatedBy, subscription.CreatedAt, subscription.UpdatedAt);
    }
}
