namespace PopCulture.Cms.Workflow;

/// <summary>Where an entry's working copy is in the editorial workflow.</summary>
public enum WorkflowStatus
{
    /// <summary>Being written; not live (or live at an older revision).</summary>
    Draft,

    /// <summary>Submitted by an author, waiting for a reviewer.</summary>
    InReview,

    /// <summary>Approved, going live at its publish time.</summary>
    Scheduled,

    /// <summary>Live on the site at this revision.</summary>
    Published,

    /// <summary>Taken off the site.</summary>
    Archived,
}
