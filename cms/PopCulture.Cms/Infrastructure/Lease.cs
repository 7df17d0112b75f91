namespace PopCulture.Cms.Infrastructure;

/// <summary>A named lease in the database: the one CMS node holding it may run that background job.</summary>
public sealed class Lease
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A single row counting changes to published content; caches and ETags key on it.</summary>
public sealed class SiteState
{
    public int Id { get; set; }

    public long PublishedVersion { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
