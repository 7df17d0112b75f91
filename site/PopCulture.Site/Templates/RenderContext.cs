using PopCulture.Site.Content;
using PopCulture.Site.Markdown;
using PopCulture.Site.Model;

namespace PopCulture.Site.Templates;

/// <summary>What views need to link items together: the routed site, its URLs and the Markdown stage.</summary>
public sealed class RenderContext(
    SiteModel model, SiteUrls urls, MarkdownRenderer markdown, ILinkResolver links, DiagnosticBag diagnostics)
{
    public SiteModel Model { get; } = model;

    public SiteUrls Urls { get; } = urls;

    public MarkdownRenderer Markdown { get; } = markdown;

    public ILinkResolver Links { get; } = links;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The responsive variants of the content's images.</summary>
    public Images.ImageCatalog Images { get; init; } = PopCulture.Site.Images.ImageCatalog.Empty;

    /// <summary>What the page being rendered reads; views record into it (null when nothing is cached).</summary>
    public Incremental.PageDependencies? Dependencies { get; private init; }

    /// <summary>The same context for one page, recording what that page reads.</summary>
    public RenderContext ForPage(Incremental.PageDependencies dependencies) =>
        new(Model, Urls, Markdown, Links, Diagnostics) { Images = Images, Dependencies = dependencies };

    /// <summary>A view of an item for lists: no rendered body.</summary>
    public ItemView Summary(ContentItem item)
    {
        Dependencies?.Item(item);
        return new(item, this, null);
    }

    /// <summary>Notes that the page read a list or count of the site (see <see cref="Incremental.Fact"/>).</summary>
    public void Read(string fact) => Dependencies?.Add(fact);

    public ContentItem? CourseOf(ContentItem lesson)
    {
        var course = Model.CourseOf(lesson);
        if (course is not null)
        {
            Dependencies?.Item(course);
        }

        return course;
    }

    public IReadOnlyList<ContentItem> LessonsOf(ContentItem course)
    {
        Read(Incremental.Fact.CourseLessons(course.SourcePath));
        return Model.LessonsOf(course);
    }

    /// <summary>The series a parenting lesson belongs to, recording that the page read its episodes.</summary>
    public Model.SeriesEpisodes? SeriesOf(ContentItem item)
    {
        var series = Model.SeriesOf(item);
        if (series is not null)
        {
            Read(Incremental.Fact.Series(series.Key));
        }

        return series;
    }

    /// <summary>A series as templates see it; <paramref name="episode"/> is the lesson's number in it, 0 on the series' own page.</summary>
    public SeriesView SeriesView(Model.SeriesEpisodes series, int episode = 0) =>
        new(series.Series.Name, series.Series.Title, series.Series.Summary, Urls.Link(series.Url), series.Episodes.Count)
        {
            Episode = episode,
            Sample = series.Sample,
        };

    public MediaView? Media(ContentItem item, MediaReference? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var key = ContentLinkResolver.Combine(item.BundlePath ?? "", reference.Src);
        if (key is null || !Model.MediaUrls.TryGetValue(key, out var path))
        {
            return null;
        }

        var link = Urls.Link(path);
        return new MediaView(link, reference.Alt, Urls.Absolute(path)) { Image = Images.Find(link), CropImages = Images.CropsOf(link) };
    }
}
