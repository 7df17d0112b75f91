using PopCulture.Cms.Identity;
using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Users;

/// <summary>What each role may do, read from the same rules that guard every request (admins only).</summary>
public sealed class RolesModel : AdminPageModel
{
    public IReadOnlyList<RolesApi.RoleInfo> Roles { get; } = [.. Identity.Roles.All.Select(RolesApi.Describe)];

    public void OnGet()
    {
    }
}
