namespace PopCulture.Cms.Webhooks;

/// <summary>An outbound URL an admin registered, the events it wants, and the secret its deliveries are signed with.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    public required string Url { get; set; }

    /// <summary>The subscribed event names, comma-separated (<c>entry.published,build.finished</c>).</summary>
    public required string Events { get; set; }

    /// <summary>
    /// The HMAC key. Kept in clear because the server must sign with it (a hash would not do); shown to the admin once,
    /// at creation, and never returned or logged after.
    /// </summary>
    public required string Secret { get; set; }

    public bool Active { get; set; } = true;

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
