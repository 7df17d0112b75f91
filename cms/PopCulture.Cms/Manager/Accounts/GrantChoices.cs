using Microsoft.Extensions.Localization;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Manager.Editing;

namespace PopCulture.Cms.Manager.Accounts;

/// <summary>
/// The grants part of the user form: one row per role (a role given twice with different sections is the same as once
/// with both), turned into the <see cref="GrantInput"/> list the users service checks and stores.
/// </summary>
public sealed class GrantChoices
{
    private GrantChoices(IReadOnlyList<string> knownSections)
    {
        KnownSections = knownSections;
        Roles = [.. Identity.Roles.All.Select(r => new GrantChoice(r))];
    }

    public IReadOnlyList<GrantChoice> Roles { get; }

    /// <summary>The sections offered as limits, in order.</summary>
    public IReadOnlyList<string> KnownSections { get; }

    /// <summary>The choices for a user's stored grants; sections they hold that hold no entries yet are offered too.</summary>
    public static GrantChoices From(IEnumerable<GrantInfo> grants, IEnumerable<string> knownSections)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var list = grants.ToList();
        var choices = new GrantChoices(Offered(knownSections, list.SelectMany(g => g.Sections)));
        foreach (var grant in list)
        {
            if (choices.Roles.FirstOrDefault(c => c.Role == grant.Role) is not { } choice)
            {
                continue;
            }

            // Any grant of the role in every section makes the role unlimited.
            choice.AllSections = !choice.Chosen ? grant.Sections.Count == 0 : choice.AllSections || grant.Sections.Count == 0;
            choice.Chosen = true;
            choice.Sections.UnionWith(grant.Sections);
        }

        return choices;
    }

    /// <summary>The choices as posted: <c>roles</c>, <c>scope-ROLE</c> (all or some) and <c>sections-ROLE</c>.</summary>
    public static GrantChoices FromForm(IFormCollection form, IEnumerable<string> knownSections)
    {
        ArgumentNullException.ThrowIfNull(form);
        var roles = form["roles"].ToHashSet(StringComparer.Ordinal);
        var posted = form.Keys.Where(k => k.StartsWith("sections-", StringComparison.Ordinal)).SelectMany(k => form[k]).OfType<string>();
        var choices = new GrantChoices(Offered(knownSections, posted));
        foreach (var choice in choices.Roles)
        {
            choice.Chosen = roles.Contains(choice.Role);
            choice.AllSections = choice.Role == Identity.Roles.Admin || form[$"scope-{choice.Role}"] != "some";
            choice.Sections.UnionWith(form[$"sections-{choice.Role}"].OfType<string>().Take(GrantRules.MaxSectionsPerGrant + 1));
        }

        return choices;
    }

    /// <summary>The grants to store, and the role each one's index stands for (the service names errors by index).</summary>
    public List<GrantInput?> ToInputs(out List<string> roleAt)
    {
        var chosen = Roles.Where(c => c.Chosen).ToList();
        roleAt = [.. chosen.Select(c => c.Role)];
        return [.. chosen.Select(c => (GrantInput?)new GrantInput(c.Role, c.AllSections ? [] : [.. c.Sections.Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Adds an error for a role limited to sections with none ticked: that would be a grant of nothing.</summary>
    public void CheckLimits(FieldErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var choice in Roles.Where(c => c.Chosen && !c.AllSections && c.Sections.Count == 0))
        {
            errors.Add(Key(choice.Role), text["Admin.Error.NoSections"]);
        }
    }

    /// <summary>The error key of a role's row on the form.</summary>
    public static string Key(string role) => "grants." + role;

    private static List<string> Offered(IEnumerable<string> known, IEnumerable<string> held) =>
        [.. known.Concat(held).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
