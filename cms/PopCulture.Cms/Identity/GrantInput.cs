namespace PopCulture.Cms.Identity;

/// <summary>A role an admin gives a user, optionally limited to sections; no sections means every section.</summary>
public sealed record GrantInput(string? Role, IReadOnlyList<string?>? Sections);
