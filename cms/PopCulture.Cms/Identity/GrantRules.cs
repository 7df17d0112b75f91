using System.Text.RegularExpressions;

namespace PopCulture.Cms.Identity;

/// <summary>Checks the grants an admin gives and turns them into <see cref="AccessGrant"/> rows.</summary>
public static partial class GrantRules
{
    /// <summary>Limits on one user's grants, so a request cannot store an unbounded list.</summary>
    public const int MaxGrants = 20;

    public const int MaxSectionsPerGrant = 100;

    /// <summary>The longest section name an entry can have (the column's length).</summary>
    public const int MaxSectionLength = 64;

    /// <summary>Adds an error per bad grant, named <c>grants[i].role</c> or <c>grants[i].sections</c>.</summary>
    public static void Validate(IReadOnlyList<GrantInput?>? grants, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (grants is null)
        {
            return;
        }

        if (grants.Count > MaxGrants)
        {
            errors["grants"] = [$"at most {MaxGrants} grants"];
            return;
        }

        for (var i = 0; i < grants.Count; i++)
        {
            var grant = grants[i];
            if (grant?.Role is null || !Roles.All.Contains(grant.Role, StringComparer.Ordinal))
            {
                errors[$"grants[{i}].role"] = [$"role must be one of {string.Join(", ", Roles.All)}"];
            }

            var sections = grant?.Sections ?? [];
            if (sections.Count > MaxSectionsPerGrant)
            {
                errors[$"grants[{i}].sections"] = [$"at most {MaxSectionsPerGrant} sections per grant"];
            }
            else if (sections.Any(s => !IsSectionName(s)))
            {
                var bad = sections.First(s => !IsSectionName(s));
                errors[$"grants[{i}].sections"] = [$"'{bad}' is not a section name: lowercase ASCII letters and digits joined by single hyphens, at most {MaxSectionLength} characters"];
            }
            else if (grant?.Role == Roles.Admin && sections.Count > 0)
            {
                // CmsPrincipal ignores sections on an admin grant; refusing them keeps the stored data honest.
                errors[$"grants[{i}].sections"] = ["an admin grant covers every section: leave sections empty"];
            }
        }
    }

    /// <summary>The rows for grants that passed <see cref="Validate"/>.</summary>
    public static List<AccessGrant> ToGrants(string userId, IReadOnlyList<GrantInput?>? grants) =>
        [.. (grants ?? []).Select(g => new AccessGrant
        {
            UserId = userId,
            Role = g!.Role!,
            Sections = string.Join(',', (g.Sections ?? []).Distinct(StringComparer.Ordinal)),
        })];

    /// <summary>A short text for the audit log: <c>editor in parenting,news; reviewer</c>.</summary>
    public static string Describe(IEnumerable<AccessGrant> grants)
    {
        var text = string.Join("; ", grants.Select(g => g.Sections.Length == 0 ? g.Role : $"{g.Role} in {g.Sections}"));
        return text.Length == 0 ? "no grants" : text;
    }

    private static bool IsSectionName(string? name) => name is { Length: <= MaxSectionLength } && SectionPattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SectionPattern();
}
