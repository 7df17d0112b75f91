namespace PopCulture.Cms.Webhooks;

/// <summary>Settings under <c>PopCulture:Webhooks</c>: the retry schedule, timeouts and the dispatcher's pace.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "PopCulture:Webhooks";

    /// <summary>The wait before each retry; one attempt plus one per delay. Exponential by default: 5 attempts over about 42 minutes.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(32)];

    /// <summary>
    /// Overrides <see cref="DefaultRetryDelays"/>. Null rather than pre-filled, because the configuration binder
    /// appends to an array that already has items instead of replacing them.
    /// </summary>
    public IReadOnlyList<TimeSpan>? RetryDelays { get; set; }

    /// <summary>How long one request may take, connecting included, before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each node looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many due deliveries a node claims at once.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How many requests a node has in flight at once.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How long finished deliveries and their attempts are kept to be looked at.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public IReadOnlyList<TimeSpan> Schedule => RetryDelays ?? DefaultRetryDelays;

    public int MaxAttempts => Schedule.Count + 1;

    /// <summary>
    /// How long a claim keeps other nodes off a delivery: well past the request timeout, so a claim only lapses
    /// when its node died, and the delivery is then retried by another.
    /// </summary>
    public TimeSpan LockDuration => (Timeout * 2) + TimeSpan.FromSeconds(30);

    /// <summary>The settings' limits, checked on start.</summary>
    public bool IsValid() =>
        Schedule.Count <= 20 && Schedule.All(d => d > TimeSpan.Zero)
        && Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(5)
        && PollInterval > TimeSpan.Zero
        && Retention > TimeSpan.Zero
        && BatchSize is >= 1 and <= 1000
        && MaxConcurrency is >= 1 and <= 64;
}
