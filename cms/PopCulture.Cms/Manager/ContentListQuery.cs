using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>What one content list asks for: the section (null for every section the user may read) and its filters, sort and page.</summary>
public sealed record ContentListQuery(
    string? Section, WorkflowStatus? State = null, string? Tag = null, string? Search = null,
    ContentSort Sort = ContentSort.Updated, bool Descending = true, int Page = 1);
