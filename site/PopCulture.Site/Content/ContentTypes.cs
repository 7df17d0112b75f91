namespace PopCulture.Site.Content;

/// <summary>The names of the content types in front matter (<c>type:</c>).</summary>
public static class ContentTypes
{
    public const string Article = "article";
    public const string Page = "page";
    public const string Park = "park";
    public const string Hall = "hall";
    public const string ProgramSite = "program-site";
    public const string ParentingLesson = "parenting-lesson";
    public const string Course = "course";
    public const string Lesson = "lesson";

    public static readonly IReadOnlyList<string> All =
        [Article, Page, Park, Hall, ProgramSite, ParentingLesson, Course, Lesson];

    /// <summary>Types that must carry a publication date.</summary>
    public static bool RequiresDate(string type) => type is Article or Course or Lesson;

    /// <summary>Types that describe a physical place and so carry coordinates.</summary>
    public static bool IsPlace(string type) => type is Park or Hall or ProgramSite;
}
