namespace PopCulture.Site.Content;

/// <summary>The typed fields of a content type; <c>article</c> and <c>page</c> have none.</summary>
public abstract record ItemFields;

/// <summary>A WGS-84 position.</summary>
public sealed record Coordinates(double Lat, double Lng);

/// <summary>An exhibit of a population culture park.</summary>
public sealed record Exhibit(string Name, string? Description);

/// <summary>A population culture park (人口文化园).</summary>
public sealed record ParkFields(
    string District,
    string? Town,
    string? Address,
    Coordinates Coordinates,
    string OpeningHours,
    string Level,
    IReadOnlyList<Exhibit> Exhibits) : ItemFields
{
    /// <summary>The optional structured hours (<c>hours:</c>) behind "open now"; <see cref="OpeningHours"/> stays the text shown.</summary>
    public OpeningHours? Hours { get; init; }
}

/// <summary>A youth health education hall (青少年健康教育馆).</summary>
public sealed record HallFields(
    string District,
    string? Address,
    Coordinates Coordinates,
    string OpeningHours,
    string Booking) : ItemFields;

/// <summary>A 0–3 parenting demonstration base or project site.</summary>
public sealed record ProgramSiteFields(
    string District,
    string? Address,
    Coordinates Coordinates,
    string? OpeningHours,
    string Kind,
    IReadOnlyList<string> Services) : ItemFields;

/// <summary>An age range in months, inclusive of both ends.</summary>
public sealed record MonthRange(int From, int To);

/// <summary>A 0–3 scientific parenting lesson; <see cref="Series"/> and <see cref="Episode"/> come together or not at all.</summary>
public sealed record ParentingLessonFields(
    string AgeBand,
    MonthRange AgeMonths,
    string Domain,
    string? Series,
    int? Episode) : ItemFields;

/// <summary>A course of the online adolescence education hall.</summary>
public sealed record CourseFields(
    string Audience,
    string GradeBand,
    string Topic,
    IReadOnlyList<string> Objectives) : ItemFields;

/// <summary>A printable handout of a lesson: a file beside the lesson's Markdown.</summary>
public sealed record Handout(string Title, string Src);

/// <summary>A self-check quiz question; <see cref="Answer"/> is the 0-based index of the right option.</summary>
/// <summary>
/// A self-check question. <c>answer: 2</c> in front matter is single choice; <c>answer: [0, 2]</c> is multiple choice
/// (choose every right option), even when the list has one entry.
/// </summary>
public sealed record QuizQuestion(string Question, IReadOnlyList<string> Options, IReadOnlyList<int> Answers, bool Multiple, string? Explanation)
{
    /// <summary>The right option of a single-choice question (the first of several otherwise).</summary>
    public int Answer => Answers[0];

    /// <summary>The right options' indexes as the page's script reads them: <c>0,2</c>.</summary>
    public string AnswerList => string.Join(',', Answers);
}

/// <summary>One lesson of an adolescence course.</summary>
public sealed record LessonFields(
    string Course,
    int Order,
    string? Topic,
    IReadOnlyList<string> Objectives,
    string? TeacherNotes,
    IReadOnlyList<Handout> Handouts,
    IReadOnlyList<QuizQuestion> Quiz) : ItemFields;
