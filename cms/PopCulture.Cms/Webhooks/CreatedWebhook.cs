namespace PopCulture.Cms.Webhooks;

/// <summary>A new subscription with the secret its deliveries are signed with, which the CMS never shows again.</summary>
public sealed record CreatedWebhook(
    Guid Id, string Url, IReadOnlyList<string> Events, bool Active, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Secret);
