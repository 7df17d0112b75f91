namespace PopCulture.Cms.Webhooks;

/// <summary>One attempt as listed: when it started, the receiver's status code or the error, and how long it took.</summary>
public sealed record WebhookAttemptInfo(int Number, DateTimeOffset At, int? StatusCode, string? Error, long DurationMs);
