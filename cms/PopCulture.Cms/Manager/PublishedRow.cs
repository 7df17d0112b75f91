namespace PopCulture.Cms.Manager;

/// <summary>A live entry on the dashboard: what went up, where and when.</summary>
public sealed record PublishedRow(Guid Id, string Section, string Title, DateTimeOffset PublishedAt);
