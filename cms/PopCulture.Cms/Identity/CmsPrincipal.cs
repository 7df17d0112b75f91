using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Identity;

/// <summary>The signed-in user of one request with their grants, answering "may they do this here?".</summary>
public sealed class CmsPrincipal(string userId, string email, IReadOnlyList<AccessGrant> grants, bool canWrite)
{
    private static readonly Dictionary<string, HashSet<ContentAction>> RoleActions = new(StringComparer.Ordinal)
    {
        [Roles.Admin] = [.. Enum.GetValues<ContentAction>()],
        [Roles.Editor] = [.. Enum.GetValues<ContentAction>()],
        [Roles.Author] = [ContentAction.Read, ContentAction.Create, ContentAction.Edit, ContentAction.Submit],
        [Roles.Reviewer] = [ContentAction.Read, ContentAction.Approve, ContentAction.Reject],
    };

    public string UserId { get; } = userId;

    public string Email { get; } = email;

    /// <summary>False for read-scoped API tokens: they may look, never change.</summary>
    public bool CanWrite { get; } = canWrite;

    public IReadOnlyList<AccessGrant> Grants { get; } = grants;

    public bool IsAdmin => Grants.Any(g => g.Role == Roles.Admin);

    /// <summary>An admin whose session may change things: what the admin APIs ask before a change (<see cref="AdminGate"/>).</summary>
    public bool CanAdminister => IsAdmin && CanWrite;

    /// <summary>True when some grant allows <paramref name="action"/> in <paramref name="section"/> on an entry in <paramref name="status"/>.</summary>
    public bool Can(ContentAction action, string section, WorkflowStatus? status = null)
    {
        if (action != ContentAction.Read && !CanWrite)
        {
            return false;
        }

        foreach (var grant in Grants)
        {
            if (!RoleActions.TryGetValue(grant.Role, out var actions) || !actions.Contains(action))
            {
                continue;
            }

            if (grant.Role != Roles.Admin && grant.SectionList.Count > 0 && !grant.SectionList.Contains(section, StringComparer.Ordinal))
            {
                continue;
            }

            // Authors work on their drafts; once submitted or scheduled the item is the reviewers' until sent back.
            if (grant.Role == Roles.Author && action == ContentAction.Edit && status is not (null or WorkflowStatus.Draft or WorkflowStatus.Published))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// Sections where some grant allows <paramref name="action"/> (whatever the entry's status), null for every section,
    /// empty for none: what the manager's dashboard asks to show each user only their work.
    /// </summary>
    public IReadOnlySet<string>? SectionsFor(ContentAction action)
    {
        if (action != ContentAction.Read && !CanWrite)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var granting = Grants.Where(g => RoleActions.TryGetValue(g.Role, out var actions) && actions.Contains(action)).ToList();
        return granting.Any(g => g.Role == Roles.Admin || g.SectionList.Count == 0)
            ? null
            : granting.SelectMany(g => g.SectionList).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Sections this user may read in, or null for all.</summary>
    public IReadOnlySet<string>? ReadableSections()
    {
        if (Grants.Any(g => g.Role == Roles.Admin || g.SectionList.Count == 0))
        {
            return null;
        }

        return Grants.SelectMany(g => g.SectionList).ToHashSet(StringComparer.Ordinal);
    }
}
