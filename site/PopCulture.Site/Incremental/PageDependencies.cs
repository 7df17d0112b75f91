using PopCulture.Site.Content;

namespace PopCulture.Site.Incremental;

/// <summary>
/// What one page read while it rendered, beyond the site-wide inputs: the items it showed and the lists it counted or
/// walked. The views record into it as templates touch them, so a theme that shows less depends on less.
/// </summary>
public sealed class PageDependencies
{
    private readonly HashSet<string> _facts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Facts => _facts;

    public void Item(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _facts.Add(Fact.Item(item.SourcePath));
    }

    public void Add(string fact) => _facts.Add(fact);
}

/// <summary>The names of the facts a page can depend on; <see cref="FactIndex"/> computes each from the site model.</summary>
public static class Fact
{
    public static string Item(string sourcePath) => "i:" + sourcePath;

    public static string Page(string url) => "p:" + url;

    public static string SectionCount(string section) => "sc:" + section;

    public static string SectionLatest(string section) => "sl:" + section;

    public static string SectionTaxonomies(string section) => "st:" + section;

    /// <summary>Every item a section lists, in order (the parenting grid, the sites by district).</summary>
    public static string SectionItems(string section) => "sa:" + section;

    /// <summary>The episodes of a series, by <see cref="Model.SiteModel.SeriesKey"/>.</summary>
    public static string Series(string key) => "se:" + key;

    public static string CourseLessons(string courseSourcePath) => "cl:" + courseSourcePath;

    public static string Related(string sourcePath) => "rl:" + sourcePath;

    public static string MediaFile(string key) => "mf:" + key;

    /// <summary>A park page's nearby parks: changes when a park moves, comes or goes near it.</summary>
    public static string NearbyParks(string sourcePath) => "np:" + sourcePath;

    /// <summary>Every park of a section (the park map and directory): changes when any is added, removed or edited.</summary>
    public static string SectionParks(string section) => "pk:" + section;
}
