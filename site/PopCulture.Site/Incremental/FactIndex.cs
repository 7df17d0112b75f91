using System.Collections.Concurrent;
using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Incremental;

/// <summary>
/// Computes the current value of each fact a page may depend on, from this build's model, once per build: a page
/// from the last build is reused only if every fact it recorded still has the value it had then.
/// </summary>
public sealed class FactIndex(SiteModel model, IReadOnlyDictionary<string, MediaFile> media)
{
    /// <summary>Never equal to a recorded value: an item or list that no longer exists.</summary>
    private static readonly UInt128 Gone = UInt128.Zero;

    private readonly Dictionary<string, ContentItem> _items = model.Items.ToDictionary(i => i.SourcePath, StringComparer.Ordinal);
    private readonly Dictionary<string, Section> _sections = model.Sections.ToDictionary(s => s.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, OutputPage> _pages = model.Pages.ToDictionary(p => p.Url, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UInt128> _values = new(StringComparer.Ordinal);

    /// <summary>True when both values are known and equal.</summary>
    public static bool Same(UInt128 recorded, UInt128 current) => recorded != Gone && recorded == current;

    public UInt128 ValueOf(string fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return _values.TryGetValue(fact, out var value) ? value : _values.GetOrAdd(fact, Compute(fact));
    }

    private UInt128 Compute(string fact)
    {
        var colon = fact.IndexOf(':', StringComparison.Ordinal);
        var key = fact[(colon + 1)..];
        return fact[..colon] switch
        {
            "i" => _items.TryGetValue(key, out var item) ? ItemValue(item) : Gone,
            "p" => _pages.TryGetValue(key, out var page) ? PageValue(page) : Gone,
            "sc" => _sections.TryGetValue(key, out var counted) ? new ContentHash().Add(counted.Items.Count).Value : Gone,
            "sl" => _sections.TryGetValue(key, out var latest) ? ListValue(latest.Items.Take(Templates.SectionView.LatestCount)) : Gone,
            "sa" => _sections.TryGetValue(key, out var all) ? ListValue(all.Items) : Gone,
            "se" => model.Series.TryGetValue(key, out var series) ? ListValue(series.Episodes) : Gone,
            "st" => _sections.TryGetValue(key, out var section) ? TaxonomiesValue(section) : Gone,
            "cl" => _items.TryGetValue(key, out var course) ? ListValue(model.LessonsOf(course)) : Gone,
            "rl" => _items.TryGetValue(key, out var lesson) ? ListValue(model.RelatedLessons(lesson, Templates.ItemView.MaxRelated)) : Gone,
            "mf" => media.TryGetValue(key, out var file) ? FileValue(file) : Gone,
            "np" => _items.TryGetValue(key, out var park) ? NearbyValue(model.Parks.NearbyOf(park)) : Gone,
            "pk" => ListValue(model.Parks.Parks.Where(p => p.Section == key)),
            _ => Gone,
        };
    }

    private UInt128 ItemValue(ContentItem item) =>
        item.SourceHash == UInt128.Zero ? Gone : new ContentHash().Add(item.SourceHash).Add(model.UrlOf(item)).Value;

    private UInt128 ListValue(IEnumerable<ContentItem> items)
    {
        var hash = new ContentHash();
        foreach (var item in items)
        {
            var value = ValueOf(Fact.Item(item.SourcePath));
            if (value == Gone)
            {
                return Gone;
            }

            hash.Add(value);
        }

        return hash.Value;
    }

    private UInt128 NearbyValue(IReadOnlyList<NearbyPark> nearby)
    {
        var hash = new ContentHash().Add(ListValue(nearby.Select(n => n.Item)));
        foreach (var park in nearby)
        {
            hash.Add(BitConverter.DoubleToInt64Bits(park.Kilometres));
        }

        return hash.Value;
    }

    private static UInt128 TaxonomiesValue(Section section)
    {
        var hash = new ContentHash();
        foreach (var taxonomy in section.Taxonomies)
        {
            hash.Add(taxonomy.Label).Add(taxonomy.Url).Add(taxonomy.Terms.Count);
        }

        return hash.Value;
    }

    private static UInt128 FileValue(MediaFile file) =>
        new ContentHash().Add(file.PhysicalPath).Add(file.Length).Add(File.GetLastWriteTimeUtc(file.PhysicalPath).Ticks).Value;

    /// <summary>The page's own shape: what it is, and which items, terms and page numbers it lists.</summary>
    private UInt128 PageValue(OutputPage page)
    {
        var hash = new ContentHash()
            .Add((int)page.Kind).Add(page.Url).Add(page.Title).Add(page.Section?.Name).Add(page.ListUrl)
            .Add(page.PageNumber).Add(page.PageCount)
            .Add(page.Item?.SourcePath).Add(page.Handout?.Src).Add(page.Handout?.Title)
            .Add(page.Term?.Name).Add(page.Term?.Items.Count ?? -1)
            .Add(page.Taxonomy?.Label).Add(page.Taxonomy?.Url);
        if (page.Kind == PageKind.Terms && page.Taxonomy is { } taxonomy)
        {
            foreach (var term in taxonomy.Terms)
            {
                hash.Add(term.Name).Add(term.Url).Add(term.Items.Count);
            }
        }

        var listed = page.Kind == PageKind.Home ? model.LatestArticles(Templates.PageViewFactory.HomeLatest) : page.Items;
        hash.Add(listed.Count).Add(ListValue(listed));
        return hash.Value;
    }
}
