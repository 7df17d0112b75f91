namespace PopCulture.Cms.Manager.Accounts;

/// <summary>One role on the user form: given or not, and in every section or only the ones ticked.</summary>
public sealed class GrantChoice(string role)
{
    public string Role { get; } = role;

    public bool Chosen { get; set; }

    public bool AllSections { get; set; } = true;

    public HashSet<string> Sections { get; } = new(StringComparer.Ordinal);
}
