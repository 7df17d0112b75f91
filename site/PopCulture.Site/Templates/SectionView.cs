using PopCulture.Site.Model;

namespace PopCulture.Site.Templates;

/// <summary>A section as templates see it (<c>page.section</c>, <c>site.sections</c>).</summary>
public sealed class SectionView(Section section, RenderContext context)
{
    /// <summary>How many items <see cref="Latest"/> shows.</summary>
    public const int LatestCount = 4;

    /// <summary>How many lessons one cell of <see cref="LessonGrid"/> links to, so the table stays small at any size of site.</summary>
    public const int MaxGridCell = 8;

    private IReadOnlyList<ItemView>? _latest;

    public string Name => section.Name;

    public string Title => section.Title;

    public string Url => context.Urls.Link(section.Url);

    public string? Summary
    {
        get
        {
            if (section.Index is { } index)
            {
                context.Dependencies?.Item(index);
            }

            return section.Index?.Summary;
        }
    }

    public string FeedUrl => context.Urls.Link(section.Url + "index.xml");

    /// <summary>How many items the section lists.</summary>
    public int Count
    {
        get
        {
            context.Read(Incremental.Fact.SectionCount(section.Name));
            return section.Items.Count;
        }
    }

    /// <summary>The section's first listed items, for the home page.</summary>
    public IReadOnlyList<ItemView> Latest
    {
        get
        {
            context.Read(Incremental.Fact.SectionLatest(section.Name));
            return _latest ??= [.. section.Items.Take(LatestCount).Select(context.Summary)];
        }
    }

    /// <summary>The section's parenting lessons by age band × domain; every band and domain, empty cells included.</summary>
    public GridView LessonGrid
    {
        get
        {
            context.Read(Incremental.Fact.SectionItems(section.Name));
            var rows = ParentingGrid.Build(section.Items);
            var count = 0;
            var views = new List<GridRowView>(rows.Count);
            foreach (var row in rows)
            {
                count += row.Cells.Sum(c => c.Lessons.Count);
                views.Add(new GridRowView(row.Band.Label, row.Band.FromMonths, row.Band.ToMonths,
                    [.. row.Cells.Select(c => new GridCellView(
                        c.Domain,
                        [.. c.Lessons.Take(MaxGridCell).Select(context.Summary)],
                        c.Lessons.Count,
                        context.Urls.Link("/search/") + "?age=" + Uri.EscapeDataString(row.Band.Label) + "&domain=" + Uri.EscapeDataString(c.Domain)))]));
            }

            return new GridView(Content.Vocabulary.ParentingDomains, views) { Count = count };
        }
    }

    /// <summary>The section's places by district name (<c>page.section.by_district[d.name]</c>), each in display order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ItemView>> ByDistrict
    {
        get
        {
            context.Read(Incremental.Fact.SectionItems(section.Name));
            var groups = new Dictionary<string, List<ItemView>>(StringComparer.Ordinal);
            foreach (var item in section.Items)
            {
                if (District(item.Fields) is { } district)
                {
                    if (!groups.TryGetValue(district, out var list))
                    {
                        groups[district] = list = [];
                    }

                    list.Add(context.Summary(item));
                }
            }

            return groups.ToDictionary(g => g.Key, g => (IReadOnlyList<ItemView>)g.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>The series whose episodes are in this section (the 育乐园 TV classroom on <c>/parenting/</c>).</summary>
    public IReadOnlyList<SeriesView> Series
    {
        get
        {
            // A lesson joining a series may start a new one: the section's items tell.
            context.Read(Incremental.Fact.SectionItems(section.Name));
            return SeriesViews();
        }
    }

    private List<SeriesView> SeriesViews() =>
        [.. context.Model.Series.Values
            .Where(s => s.Section == section.Name)
            .OrderBy(s => s.Url, StringComparer.Ordinal)
            .Select(s =>
            {
                context.Read(Incremental.Fact.Series(s.Key));
                return context.SeriesView(s);
            })];

    private static string? District(Content.ItemFields? fields) =>
        fields switch
        {
            Content.ParkFields park => park.District,
            Content.HallFields hall => hall.District,
            Content.ProgramSiteFields site => site.District,
            _ => null,
        };

    public IReadOnlyList<LinkView> Taxonomies
    {
        get
        {
            context.Read(Incremental.Fact.SectionTaxonomies(section.Name));
            return [.. section.Taxonomies.Select(t => new LinkView(t.Label, context.Urls.Link(t.Url)) { Count = t.Terms.Count })];
        }
    }
}
