namespace PopCulture.Cms.Manager;

/// <summary>The columns a content list can be sorted by.</summary>
public enum ContentSort
{
    Updated,
    Title,
    State,
}
