using PopCulture.Site.Content;
using PopCulture.Site.Output;

namespace PopCulture.Site.Templates;

/// <summary>
/// A section's parks as a directory and a map (<c>page.parks</c> on the section's first page). Built only when a template
/// reads it, and then it depends on every park of the section, so adding, moving or renaming one re-renders the page.
/// </summary>
public sealed class ParkDirectoryView(string section, IReadOnlyList<District> districts, RenderContext context)
{
    /// <summary>The id the template must give the map's caption: the SVG is labelled by it.</summary>
    public const string MapTitleId = "park-map-title";

    private IReadOnlyList<Content.ContentItem>? _parks;
    private IReadOnlyList<ParkGroupView>? _groups;
    private string? _map;

    private IReadOnlyList<Content.ContentItem> SectionParks
    {
        get
        {
            if (_parks is null)
            {
                context.Read(Incremental.Fact.SectionParks(section));
                _parks = [.. context.Model.Parks.Parks.Where(p => p.Section == section)];
            }

            return _parks;
        }
    }

    public int Count => SectionParks.Count;

    /// <summary>The groups in the order of <c>_data/districts.yaml</c>, then any other district; empty groups left out.</summary>
    public IReadOnlyList<ParkGroupView> Groups => _groups ??= BuildGroups();

    /// <summary>The map as inline SVG markup; write it with <c>| raw</c>.</summary>
    public string Map => _map ??= ParkMapSvg.Write(
        districts,
        [.. SectionParks.Select(p => new ParkMapSvg.Marker(p.Title, context.Urls.Link(context.Model.UrlOf(p)), ((ParkFields)p.Fields!).Coordinates))],
        MapTitleId);

    private List<ParkGroupView> BuildGroups()
    {
        var byDistrict = SectionParks.GroupBy(p => ((ParkFields)p.Fields!).District, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var order = districts.Select(d => (d.Name, Slug: d.Slug))
            .Concat(Vocabulary.Districts.Where(n => districts.All(d => d.Name != n)).Select((n, i) => (Name: n, Slug: $"d{i + 1}")));
        var groups = new List<ParkGroupView>();
        foreach (var (name, slug) in order)
        {
            if (byDistrict.TryGetValue(name, out var parks))
            {
                groups.Add(new ParkGroupView(name, "district-" + slug, [.. parks.Select(context.Summary)]));
            }
        }

        return groups;
    }
}
