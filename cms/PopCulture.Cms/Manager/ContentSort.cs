namespace PopCulture.Cms.Manager;

/// <summary>The orders a content list can take: by a column, or by relevance to its search.</summary>
public enum ContentSort
{
    Updated,
    Title,
    State,
    Relevance,
}
