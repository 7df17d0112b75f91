namespace PopCulture.Cms.Identity;

/// <summary>A stored grant as the API shows it.</summary>
public sealed record GrantInfo(string Role, IReadOnlyList<string> Sections)
{
    public static GrantInfo From(AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new GrantInfo(grant.Role, grant.SectionList);
    }
}
