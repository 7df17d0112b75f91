using System.Globalization;
using PopCulture.Site.Content;
using PopCulture.Site.Markdown;

namespace PopCulture.Site.Templates;

/// <summary>An item as templates see it (<c>page.item</c>, and every entry of a list).</summary>
public sealed class ItemView(ContentItem item, RenderContext context, RenderedMarkdown? body)
{
    private static readonly Dictionary<string, string> TypeLabels = new(StringComparer.Ordinal)
    {
        [ContentTypes.Article] = "文章",
        [ContentTypes.Page] = "页面",
        [ContentTypes.Park] = "人口文化园",
        [ContentTypes.Hall] = "青少年健康教育馆",
        [ContentTypes.ProgramSite] = "科学育儿基地",
        [ContentTypes.ParentingLesson] = "科学育儿课",
        [ContentTypes.Course] = "课程",
        [ContentTypes.Lesson] = "课时",
    };

    private readonly string _path = context.Model.UrlOf(item);

    public string Url => context.Urls.Link(_path);

    public string Permalink => context.Urls.Absolute(_path);

    public string Title => item.Title;

    public string Type => item.Type;

    public string TypeLabel => TypeLabels.GetValueOrDefault(item.Type, item.Type);

    public string Section => item.Section;

    public string Slug => item.Slug;

    public string? Summary => item.Summary;

    public bool Sample => item.Sample;

    public int Weight => item.Weight;

    public string? Date => item.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string? DateText => ChineseDate(item.Date);

    public string? Updated => item.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string? UpdatedText => ChineseDate(item.Updated);

    public IReadOnlyList<LinkView> Tags => Terms(item.Tags, "tags");

    public IReadOnlyList<LinkView> Categories => Terms(item.Categories, "categories");

    public MediaView? Cover => context.Media(item, item.Cover);

    public IReadOnlyDictionary<string, object?> Extra => item.Extra;

    /// <summary>The typed fields (<c>item.fields.district</c>, <c>item.fields.age_band</c>…); null for articles and pages.</summary>
    public ItemFields? Fields => item.Fields;

    /// <summary>The rendered body; empty in lists.</summary>
    public string Content => body?.Html ?? "";

    public IReadOnlyList<TocView> Toc => body is null ? [] : [.. body.Toc.Select(t => new TocView(t.Level, "#" + t.Id, t.Text))];

    /// <summary>For a lesson: its course.</summary>
    public ItemView? Course => context.CourseOf(item) is { } course ? context.Summary(course) : null;

    /// <summary>For a course: its lessons in order. For a lesson: all lessons of its course.</summary>
    public IReadOnlyList<ItemView> Lessons =>
        item.Type switch
        {
            ContentTypes.Course => [.. context.LessonsOf(item).Select(context.Summary)],
            ContentTypes.Lesson when context.CourseOf(item) is { } course => [.. context.LessonsOf(course).Select(context.Summary)],
            _ => [],
        };

    /// <summary>For a parenting lesson in a series: the series, with this lesson's episode number.</summary>
    public SeriesView? Series =>
        context.SeriesOf(item) is { } series && item.Fields is ParentingLessonFields { Episode: { } episode }
            ? context.SeriesView(series, episode)
            : null;

    /// <summary>The lesson before this one: in its course, or in its series for a parenting lesson.</summary>
    public ItemView? Previous => Sibling(-1);

    public ItemView? Next => Sibling(+1);

    /// <summary>How many related lessons a page links to: enough to browse on, bounded however large the site grows.</summary>
    public const int MaxRelated = 8;

    /// <summary>For a parenting lesson: other lessons for the same age band, other domains first so the set is varied.</summary>
    public IReadOnlyList<ItemView> Related
    {
        get
        {
            context.Read(Incremental.Fact.Related(item.SourcePath));
            return [.. context.Model.RelatedLessons(item, MaxRelated).Select(context.Summary)];
        }
    }

    /// <summary>For a park: the nearest other parks, closest first, with their distance.</summary>
    public IReadOnlyList<NearbyView> Nearby
    {
        get
        {
            if (item.Fields is not ParkFields)
            {
                return [];
            }

            context.Read(Incremental.Fact.NearbyParks(item.SourcePath));
            return [.. context.Model.Parks.NearbyOf(item).Select(n => new NearbyView(context.Summary(n.Item), n.Kilometres))];
        }
    }

    /// <summary>For a lesson: the teacher notes rendered from Markdown.</summary>
    public string TeacherNotes =>
        item.Fields is LessonFields { TeacherNotes: { Length: > 0 } notes }
            ? context.Markdown.Render(item, notes, item.LineOf("teacher_notes"), context.Links, context.Diagnostics).Html
            : "";

    public IReadOnlyList<HandoutView> Handouts =>
        item.Fields is LessonFields fields
            ? [.. fields.Handouts.Select(Handout)]
            : [];

    private HandoutView Handout(Handout handout)
    {
        var printable = handout.Src.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        var url = printable
            ? _path + Path.GetFileNameWithoutExtension(handout.Src) + "/"
            : context.Media(item, new MediaReference(handout.Src, handout.Title)) is { } media ? media.Url : "";
        return new HandoutView(handout.Title, printable ? context.Urls.Link(url) : url, printable);
    }

    private ItemView? Sibling(int step)
    {
        if (item.Type == ContentTypes.ParentingLesson && context.SeriesOf(item) is { } series)
        {
            return At(series.Episodes, series.IndexOf(item), step);
        }

        if (item.Type != ContentTypes.Lesson || context.CourseOf(item) is not { } course)
        {
            return null;
        }

        var lessons = context.LessonsOf(course);
        for (var i = 0; i < lessons.Count; i++)
        {
            if (ReferenceEquals(lessons[i], item))
            {
                return At(lessons, i, step);
            }
        }

        return null;
    }

    private ItemView? At(IReadOnlyList<ContentItem> list, int index, int step) =>
        index >= 0 && index + step >= 0 && index + step < list.Count ? context.Summary(list[index + step]) : null;

    private List<LinkView> Terms(IReadOnlyList<string> terms, string taxonomy) =>
        item.Section.Length == 0
            ? [.. terms.Select(t => new LinkView(t, ""))]
            : [.. terms.Select(t => new LinkView(t, context.Urls.Link($"/{item.Section}/{taxonomy}/{Model.SiteUrls.TermSegment(t)}/")))];

    internal static string? ChineseDate(DateOnly? date) =>
        date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : null;
}
