using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Manager;

/// <summary>A manager page for admins only: every handler asks <see cref="RefusalAsync"/> before anything else.</summary>
public abstract class AdminPageModel(AccessControl access) : PageModel
{
    /// <summary>The signed-in admin, once <see cref="RefusalAsync"/> has let them in.</summary>
    protected CmsPrincipal Admin { get; private set; } = null!;

    /// <summary>Null for a signed-in admin; otherwise the answer: the sign-in page, or the denied page (a 403 for a post).</summary>
    protected async Task<IActionResult?> RefusalAsync(CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        // The same gate as the admin APIs (AdminGate): an admin, and for any change a session that may write.
        if (!user.IsAdmin || (!HttpMethods.IsGet(Request.Method) && !user.CanWrite))
        {
            return ManagerRefusal.Denied(this);
        }

        Admin = user;
        return null;
    }
}
