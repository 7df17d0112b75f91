using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>One entry in a manager list: what a row shows, no front matter or body.</summary>
public sealed record EntryRow(
    Guid Id, string Section, string Title, WorkflowStatus Status, IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt, string? UpdatedBy, DateTimeOffset? PublishAt);
