namespace PopCulture.Cms.Workflow;

/// <summary>Where an entry's working copy is in the editorial workflow.</summary>
public enum WorkflowStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}
