namespace PopCulture.Cms.Manager;

/// <summary>A section the user may read and how many entries it holds.</summary>
public sealed record SectionCount(string Section, int Entries)
{
    /// <summary>The section as the <c>section</c> query value of a list (the root section has a name of its own).</summary>
    public string Key => Section.Length == 0 ? Content.DeliveryApi.RootSection : Section;
}
