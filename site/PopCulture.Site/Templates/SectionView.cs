using PopCulture.Site.Model;

namespace PopCulture.Site.Templates;

/// <summary>A section as templates see it (<c>page.section</c>, <c>site.sections</c>).</summary>
public sealed class SectionView(Section section, RenderContext context)
{
    private IReadOnlyList<ItemView>? _latest;

    public string Name => section.Name;

    public string Title => section.Title;

    public string Url => context.Urls.Link(section.Url);

    public string? Summary => section.Index?.Summary;

    public string FeedUrl => context.Urls.Link(section.Url + "index.xml");

    /// <summary>How many items the section lists.</summary>
    public int Count => section.Items.Count;

    /// <summary>The section's first four listed items, for the home page.</summary>
    public IReadOnlyList<ItemView> Latest => _latest ??= [.. section.Items.Take(4).Select(context.Summary)];

    public IReadOnlyList<LinkView> Taxonomies =>
        [.. section.Taxonomies.Select(t => new LinkView(t.Label, context.Urls.Link(t.Url)) { Count = t.Terms.Count })];
}
