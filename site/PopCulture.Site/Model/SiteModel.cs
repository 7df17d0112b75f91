using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>
/// The whole site after routing: every page and its URL, sections, taxonomies and the links between items.
/// Built once per build; lookups are dictionaries so rendering one page never scans all pages.
/// </summary>
public sealed class SiteModel
{
    internal SiteModel(
        IReadOnlyList<ContentItem> items,
        IReadOnlyList<Section> sections,
        IReadOnlyList<OutputPage> pages,
        Dictionary<ContentItem, string> urls,
        Dictionary<string, string> sourceUrls,
        Dictionary<string, string> mediaUrls,
        Dictionary<string, ContentItem> courses,
        Dictionary<ContentItem, IReadOnlyList<ContentItem>> lessons,
        Dictionary<string, IReadOnlyList<ContentItem>> parentingByBand,
        Dictionary<string, SeriesEpisodes> series)
    {
        Items = items;
        Sections = sections;
        Pages = pages;
        _urls = urls;
        _sourceUrls = sourceUrls;
        MediaUrls = mediaUrls;
        _courses = courses;
        _lessons = lessons;
        _parentingByBand = parentingByBand;
        _series = series;
        PageUrls = new HashSet<string>(pages.Select(p => p.Url), StringComparer.Ordinal);
    }

    private readonly Dictionary<ContentItem, string> _urls;
    private readonly Dictionary<string, string> _sourceUrls;
    private readonly Dictionary<string, ContentItem> _courses;
    private readonly Dictionary<ContentItem, IReadOnlyList<ContentItem>> _lessons;
    private readonly Dictionary<string, IReadOnlyList<ContentItem>> _parentingByBand;
    private readonly Dictionary<string, SeriesEpisodes> _series;

    /// <summary>Every published item, including the home page and section pages.</summary>
    public IReadOnlyList<ContentItem> Items { get; }

    public IReadOnlyList<Section> Sections { get; }

    public IReadOnlyList<OutputPage> Pages { get; }

    /// <summary>Site paths of every HTML page.</summary>
    public IReadOnlySet<string> PageUrls { get; }

    /// <summary>Media files by their content key (<c>parks/gusu/park.svg</c>) to the site path they are published at.</summary>
    public IReadOnlyDictionary<string, string> MediaUrls { get; }

    public string UrlOf(ContentItem item) => _urls[item];

    /// <summary>The URL of the item read from a content file (<c>parks/x.md</c>, relative to the content root), if any.</summary>
    public string? UrlOfSource(string sourcePath) => _sourceUrls.GetValueOrDefault(sourcePath);

    public ContentItem? CourseOf(ContentItem lesson) =>
        lesson.Fields is LessonFields fields ? _courses.GetValueOrDefault(CourseKey(lesson.Section, fields.Course)) : null;

    public IReadOnlyList<ContentItem> LessonsOf(ContentItem course) => _lessons.GetValueOrDefault(course) ?? [];

    public IReadOnlyList<ContentItem> ParentingLessonsFor(string ageBand) => _parentingByBand.GetValueOrDefault(ageBand) ?? [];

    /// <summary>Every series with at least one episode, by <see cref="SeriesKey"/>.</summary>
    public IReadOnlyDictionary<string, SeriesEpisodes> Series => _series;

    /// <summary>The series a parenting lesson belongs to, with all its episodes; null when it belongs to none.</summary>
    public SeriesEpisodes? SeriesOf(ContentItem item) =>
        item.Fields is ParentingLessonFields { Series: { } name, Episode: not null } && Vocabulary.FindSeries(name) is { } series
            ? _series.GetValueOrDefault(SeriesKey(item.Section, series.Slug))
            : null;

    /// <summary>The newest dated articles, for the home page.</summary>
    public IReadOnlyList<ContentItem> LatestArticles(int count) =>
        [.. Items.Where(i => i.Date is not null && !i.IsIndex && i.Type == ContentTypes.Article)
            .OrderByDescending(i => i.Date).ThenBy(i => i.SourcePath, StringComparer.Ordinal).Take(count)];

    /// <summary>For a parenting lesson: other lessons for the same age band, other domains first so the set is varied.</summary>
    public IReadOnlyList<ContentItem> RelatedLessons(ContentItem item, int count) =>
        item.Fields is ParentingLessonFields fields
            ? [.. ParentingLessonsFor(fields.AgeBand)
                .Where(i => !ReferenceEquals(i, item))
                .Take(count * 8)
                .OrderBy(i => ((ParentingLessonFields)i.Fields!).Domain == fields.Domain ? 1 : 0)
                .Take(count)]
            : [];

    private ParkAtlas? _parks;

    /// <summary>The parks and their nearest neighbours, computed on first use (a site without a park map pays nothing).</summary>
    public ParkAtlas Parks => LazyInitializer.EnsureInitialized(ref _parks, () => ParkAtlas.Build(Items));
    internal static string SeriesKey(string section, string slug) => section + "/" + slug;

    internal static string SeriesUrl(string section, string slug) => $"{SeriesIndexUrl(section)}{slug}/";

    internal static string SeriesIndexUrl(string section) => $"/{section}/series/";

    internal static string CourseKey(string section, string slug) => section + "/" + slug;
}
