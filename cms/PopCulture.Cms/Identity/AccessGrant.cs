namespace PopCulture.Cms.Identity;

/// <summary>A role given to a user, optionally limited to some sections (a parenting editor, not the adolescence hall).</summary>
public sealed class AccessGrant
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Role { get; set; }

    /// <summary>Comma-separated section names; empty means every section.</summary>
    public string Sections { get; set; } = "";

    public IReadOnlyList<string> SectionList =>
        Sections.Length == 0 ? [] : Sections.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
