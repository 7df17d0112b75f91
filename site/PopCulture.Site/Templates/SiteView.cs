using PopCulture.Site.Content;

namespace PopCulture.Site.Templates;

/// <summary>What every template sees as <c>site</c>.</summary>
public sealed class SiteView
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The absolute base URL, ending in <c>/</c>.</summary>
    public required string BaseUrl { get; init; }

    public string Language { get; init; } = "zh-CN";

    public required IReadOnlyList<LinkView> Menu { get; init; }

    public required IReadOnlyList<SectionView> Sections { get; init; }

    /// <summary>The YAML files under <c>content/_data/</c>, by file name.</summary>
    public required IReadOnlyDictionary<string, object?> Data { get; init; }

    /// <summary>The site-wide Atom feed.</summary>
    public required string FeedUrl { get; init; }

    public required int Year { get; init; }

    /// <summary>Where a hall page's visit-request form posts; null when the site is hosted without the CMS.</summary>
    public string? VisitRequestsUrl { get; init; }

    /// <summary>The grade bands courses are written for, in order: a hall's visit-request form offers these, and the CMS accepts only these.</summary>
    public IReadOnlyList<string> GradeBands { get; } = Vocabulary.GradeBands;
}
