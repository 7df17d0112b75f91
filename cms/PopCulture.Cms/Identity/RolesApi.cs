using Microsoft.AspNetCore.Http.HttpResults;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Identity;

/// <summary><c>GET /api/v1/manage/roles</c>: the roles an admin can grant and what each allows, for anyone signed in.</summary>
public static class RolesApi
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [Roles.Admin] = "Everything: content in every section, users, tokens of everyone and the audit log.",
        [Roles.Editor] = "Every content action in their sections, publishing included.",
        [Roles.Author] = "Writes drafts and submits them for review; cannot edit an entry while it waits for review or is scheduled.",
        [Roles.Reviewer] = "Reads entries and approves or rejects what authors submit.",
    };

    /// <summary>A role, the content actions it allows, and whether a grant of it can be limited to sections.</summary>
    public sealed record RoleInfo(string Name, string Description, IReadOnlyList<string> Actions, bool CanLimitToSections);

    public static IEndpointRouteBuilder MapRolesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/manage/roles", List)
            .WithTags("Users")
            .WithName("ListRoles")
            .WithSummary("The roles and the content actions each allows")
            .RequireAuthorization()
            .Produces<IReadOnlyList<RoleInfo>>();
        return app;
    }

    private static Ok<List<RoleInfo>> List() => TypedResults.Ok(Roles.All.Select(Describe).ToList());

    /// <summary>A role with the content actions it allows, as the API lists it and the manager explains it.</summary>
    public static RoleInfo Describe(string role)
    {
        // Ask the same CmsPrincipal.Can that guards every request, so this table cannot drift from what is enforced.
        var probe = new CmsPrincipal("", "", [new AccessGrant { UserId = "", Role = role }], canWrite: true);
        var actions = Enum.GetValues<ContentAction>()
            .Where(action => probe.Can(action, "any-section", WorkflowStatus.Draft))
            .Select(action => action.ToString().ToLowerInvariant())
            .ToList();
        return new RoleInfo(role, Descriptions[role], actions, role != Roles.Admin);
    }
}
