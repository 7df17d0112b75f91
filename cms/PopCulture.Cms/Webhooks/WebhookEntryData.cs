namespace PopCulture.Cms.Webhooks;

/// <summary>
/// The <c>data</c> of an <c>entry.published</c> or <c>entry.unpublished</c> event: the entry, its path on the built site
/// (<c>/parks/gusu-park/</c>) and the same as an absolute URL, and the revision that went live (null when it went off).
/// </summary>
public sealed record WebhookEntryData(Guid Id, string Section, string Slug, string Type, string Title, string Path, string Url, int? Revision);
