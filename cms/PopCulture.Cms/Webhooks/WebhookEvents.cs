namespace PopCulture.Cms.Webhooks;

/// <summary>The event names a subscription may ask for.</summary>
public static class WebhookEvents
{
    public const string EntryPublished = "entry.published";
    public const string EntryUnpublished = "entry.unpublished";
    public const string BuildFinished = "build.finished";

    public static IReadOnlyList<string> All { get; } = [EntryPublished, EntryUnpublished, BuildFinished];
}
