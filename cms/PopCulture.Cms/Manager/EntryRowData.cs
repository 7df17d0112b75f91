using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>An <see cref="EntryRow"/> as read from the store, tags still in their column form.</summary>
public sealed record EntryRowData(
    Guid Id, string Section, string Title, WorkflowStatus Status, string Tags, DateTimeOffset UpdatedAt, string? UpdatedBy, DateTimeOffset? PublishAt);
