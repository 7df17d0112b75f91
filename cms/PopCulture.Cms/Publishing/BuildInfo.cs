namespace PopCulture.Cms.Publishing;

/// <summary>A build as the builds API shows it.</summary>
public sealed record BuildInfo(
    Guid Id,
    string Status,
    IReadOnlyList<string> Reasons,
    bool Full,
    DateTimeOffset RequestedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long DurationMs,
    int PagesRendered,
    int PagesReused,
    int FilesWritten,
    int Warnings,
    int Errors,
    IReadOnlyList<string> Problems,
    string Node)
{
    public static BuildInfo From(BuildRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.Id, record.Status, Lines(record.Reasons), record.Full, record.RequestedAt, record.StartedAt, record.FinishedAt, record.DurationMs,
            record.PagesRendered, record.PagesReused, record.FilesWritten, record.Warnings, record.Errors, Lines(record.Problems), record.Node);
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.Split('\n');
}
