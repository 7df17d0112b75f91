namespace PopCulture.Cms.Manager;

/// <summary>Settings under <c>PopCulture:Manager:</c>, validated on start.</summary>
public sealed class ManagerOptions
{
    public const string SectionName = "PopCulture:Manager";

    /// <summary>
    /// How long a signed-in editor may leave the manager untouched before signing in again; each request within it
    /// slides it on. Office PCs are shared, so the default is short.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The time zone the manager shows times in (the editors' offices), as an IANA id.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Entries on one page of a content list.</summary>
    public const int PageSize = 50;

    public bool IsValid() =>
        IdleTimeout >= TimeSpan.FromMinutes(1) && IdleTimeout <= TimeSpan.FromDays(1)
        && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);
}
