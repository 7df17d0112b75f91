using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Manager.Accounts;

/// <summary>
/// A page only admins may use. The check runs before every handler, GET and POST alike (and before the page renders
/// when no handler matches), so a handler added later cannot forget it; others get the denied page (a forged post, a 403).
/// </summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>The signed-in admin, set before any handler runs.</summary>
    protected CmsPrincipal CurrentAdmin { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = await HttpContext.RequestServices.GetRequiredService<AccessControl>().CurrentAsync(HttpContext.RequestAborted);
        if (user is null)
        {
            context.Result = Challenge();
            return;
        }

        // The manager's cookie always writes; the scope check keeps the rule the admin APIs apply to tokens.
        if (!user.CanAdminister)
        {
            context.Result = ManagerRefusal.Denied(this);
            return;
        }

        CurrentAdmin = user;
        await next();
    }
}
