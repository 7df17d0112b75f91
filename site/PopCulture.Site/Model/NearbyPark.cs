using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>Another park and how far it is, in kilometres along the Earth's surface.</summary>
public sealed record NearbyPark(ContentItem Item, double Kilometres);
