namespace PopCulture.Cms.Publishing;

/// <summary>Settings under <c>PopCulture:Preview</c>: how long a preview link works.</summary>
public sealed class PreviewOptions
{
    public const string SectionName = "PopCulture:Preview";

    /// <summary>No link outlives a week: it is a bearer credential to unpublished content.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    /// <summary>How long a link works when its request does not say.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    public bool IsValid() => Lifetime > TimeSpan.Zero && Lifetime <= MaxLifetime;
}
