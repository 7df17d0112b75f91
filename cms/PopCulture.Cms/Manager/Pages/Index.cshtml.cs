using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Manager.Pages;

/// <summary>The dashboard: the user's sections, drafts, review queue, schedule, latest publications and builds.</summary>
public sealed class IndexModel(AccessControl access, ManagerDashboard dashboard) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        View = await dashboard.LoadAsync(user, cancellationToken);
        return Page();
    }
}
