namespace PopCulture.Site.Templates;

/// <summary>A nearby park on a park page: the park and its distance as readers see it (<c>约 3 公里</c>).</summary>
public sealed record NearbyView(ItemView Item, double Kilometres)
{
    public string Distance => Kilometres < 1 ? "不到 1 公里" : $"约 {Math.Round(Kilometres, MidpointRounding.AwayFromZero):0} 公里";
}
