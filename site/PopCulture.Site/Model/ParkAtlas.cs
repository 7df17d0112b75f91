using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>The site's parks in display order and each park's nearest others: computed once per build, on first use.</summary>
public sealed class ParkAtlas
{
    /// <summary>How many nearby parks a park page lists.</summary>
    public const int NearbyCount = 3;

    private readonly Dictionary<ContentItem, IReadOnlyList<NearbyPark>> _nearby;

    private ParkAtlas(IReadOnlyList<ContentItem> parks, Dictionary<ContentItem, IReadOnlyList<NearbyPark>> nearby)
    {
        Parks = parks;
        _nearby = nearby;
    }

    /// <summary>Every park page of the site, in display order.</summary>
    public IReadOnlyList<ContentItem> Parks { get; }

    public IReadOnlyList<NearbyPark> NearbyOf(ContentItem park) => _nearby.GetValueOrDefault(park) ?? [];

    public static ParkAtlas Build(IReadOnlyList<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        List<ContentItem> parks = [.. items.Where(i => !i.IsIndex && i.Fields is ParkFields).Order(DisplayOrder.Instance)];
        var nearby = NearestPlaces.Find([.. parks.Select(p => (p, ((ParkFields)p.Fields!).Coordinates))], NearbyCount);
        return new ParkAtlas(parks, nearby);
    }
}
