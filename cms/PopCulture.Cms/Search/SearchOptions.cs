using System.ComponentModel.DataAnnotations;

namespace PopCulture.Cms.Search;

/// <summary>Settings under <c>PopCulture:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "PopCulture:Search";

    /// <summary>How often each node looks for changes in the shared database, in milliseconds.</summary>
    [Range(100, 60_000)]
    public int RefreshMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How often the working-copy index compares every entry's revision and status even when the audit log shows no
    /// new change, in seconds: a change committed out of order with its audit id is picked up by then.
    /// </summary>
    [Range(1, 3600)]
    public int FullCheckSeconds { get; set; } = 30;
}
