namespace PopCulture.Cms.Webhooks;

/// <summary>How one request went: the receiver's status code, or why there was none.</summary>
public sealed record WebhookAttemptResult(int? StatusCode, string? Error, TimeSpan Duration)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
