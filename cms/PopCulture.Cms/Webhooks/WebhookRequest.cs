namespace PopCulture.Cms.Webhooks;

/// <summary>
/// A subscription to create or change: an absolute http(s) URL, the events it wants (of <see cref="WebhookEvents.All"/>)
/// and whether it is on. On create, URL and events are required; on update, what is left out stays.
/// </summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string?>? Events, bool? Active);
