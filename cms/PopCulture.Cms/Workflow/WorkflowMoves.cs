using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Workflow;

/// <summary>
/// The workflow's table of moves: which permission each needs and from which states it may be made. The service
/// enforces it; the manager asks it which buttons to show, so the two cannot disagree.
/// </summary>
public static class WorkflowMoves
{
    private static readonly Dictionary<string, (ContentAction Permission, WorkflowStatus[] From)> Moves = new(StringComparer.Ordinal)
    {
        ["submit"] = (ContentAction.Submit, [WorkflowStatus.Draft]),
        ["approve"] = (ContentAction.Approve, [WorkflowStatus.InReview]),
        ["reject"] = (ContentAction.Reject, [WorkflowStatus.InReview, WorkflowStatus.Scheduled]),
        ["publish"] = (ContentAction.Publish, [WorkflowStatus.Draft, WorkflowStatus.InReview, WorkflowStatus.Scheduled]),
        ["unpublish"] = (ContentAction.Unpublish, [WorkflowStatus.Published, WorkflowStatus.Scheduled, WorkflowStatus.Draft]),
        ["restore"] = (ContentAction.Restore, [WorkflowStatus.Archived]),
        ["schedule-expiry"] = (ContentAction.Publish, [WorkflowStatus.Published, WorkflowStatus.Scheduled, WorkflowStatus.Draft, WorkflowStatus.InReview]),
    };

    /// <summary>Every move's name, in the order the table lists them.</summary>
    public static IReadOnlyCollection<string> Actions => Moves.Keys;

    /// <summary>The permission <paramref name="action"/> needs, or null when there is no such move.</summary>
    public static ContentAction? Permission(string? action) =>
        action is not null && Moves.TryGetValue(action, out var move) ? move.Permission : null;

    /// <summary>
    /// True when <paramref name="action"/> can be made on an entry in its state, whoever asks. Unpublishing a draft
    /// only makes sense when an older revision of it is live.
    /// </summary>
    public static bool AppliesTo(string action, ContentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Moves.TryGetValue(action, out var move)
            && move.From.Contains(entry.Status)
            && !(action == "unpublish" && entry.PublishedRevision is null && entry.Status != WorkflowStatus.Scheduled);
    }

    /// <summary>The moves <paramref name="user"/> may make on <paramref name="entry"/> now, by the same rules the service applies.</summary>
    public static IReadOnlyList<string> Allowed(CmsPrincipal user, ContentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(entry);
        return [.. Moves.Where(m => user.Can(m.Value.Permission, entry.Section, entry.Status) && AppliesTo(m.Key, entry)).Select(m => m.Key)];
    }
}
