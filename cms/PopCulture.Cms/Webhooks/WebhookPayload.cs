namespace PopCulture.Cms.Webhooks;

/// <summary>The JSON body of every delivery: <c>{ id, event, occurredAt, data }</c>.</summary>
public sealed record WebhookPayload(Guid Id, string Event, DateTimeOffset OccurredAt, object Data);
