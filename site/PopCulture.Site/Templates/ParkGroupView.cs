namespace PopCulture.Site.Templates;

/// <summary>One district's parks in the park directory (<c>page.parks.groups</c>); <c>id</c> is its anchor.</summary>
public sealed record ParkGroupView(string Name, string Id, IReadOnlyList<ItemView> Parks)
{
    public int Count => Parks.Count;
}
