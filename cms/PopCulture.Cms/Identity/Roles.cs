namespace PopCulture.Cms.Identity;

/// <summary>The roles of the CMS. A grant of any role but admin may be limited to sections.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Author = "author";
    public const string Reviewer = "reviewer";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Author, Reviewer];
}

/// <summary>What someone may try to do to content; the role table in <see cref="CmsPrincipal"/> decides.</summary>
public enum ContentAction
{
    Read,
    Create,
    Edit,
    Delete,
    Submit,
    Approve,
    Reject,
    Publish,
    Unpublish,
    Restore,
}
