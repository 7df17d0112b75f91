namespace PopCulture.Cms.Publishing;

/// <summary>One site build: when, why, on which node, what it rendered and wrote, and how it ended.</summary>
public sealed class BuildRecord
{
    public Guid Id { get; set; }

    /// <summary>When the first request folded into this build arrived.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>running, succeeded or failed.</summary>
    public required string Status { get; set; }

    /// <summary>What asked for it, one line per request folded in (a publish, an expiry, an import, a rebuild).</summary>
    public required string Reasons { get; set; }

    /// <summary>True when every page was rendered whatever the build cache said.</summary>
    public bool Full { get; set; }

    public required string Node { get; set; }

    /// <summary>The published-content version the build read.</summary>
    public long PublishedVersion { get; set; }

    public int PagesRendered { get; set; }

    public int PagesReused { get; set; }

    public int FilesWritten { get; set; }

    public long DurationMs { get; set; }

    public int Warnings { get; set; }

    public int Errors { get; set; }

    /// <summary>The first problems, one per line (path:line: message).</summary>
    public string Problems { get; set; } = "";
}
