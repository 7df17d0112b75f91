using PopCulture.Site.Model;

namespace PopCulture.Site.Templates;

/// <summary>A section as templates see it (<c>page.section</c>, <c>site.sections</c>).</summary>
public sealed class SectionView(Section section, RenderContext context)
{
    /// <summary>How many items <see cref="Latest"/> shows.</summary>
    public const int LatestCount = 4;

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

    public IReadOnlyList<LinkView> Taxonomies
    {
        get
        {
            context.Read(Incremental.Fact.SectionTaxonomies(section.Name));
            return [.. section.Taxonomies.Select(t => new LinkView(t.Label, context.Urls.Link(t.Url)) { Count = t.Terms.Count })];
        }
    }
}
