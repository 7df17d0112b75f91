using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PopCulture.Cms.Manager;

/// <summary>How a manager page turns a user away from something their role does not allow.</summary>
public static class ManagerRefusal
{
    /// <summary>
    /// A page to look at sends the user to the denied page, as the rest of the manager does. A form post is answered
    /// with a 403 and the same words in place: it was forged or stale, and redirecting it would hide the refusal.
    /// </summary>
    public static IActionResult Denied(PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (HttpMethods.IsGet(page.Request.Method) || HttpMethods.IsHead(page.Request.Method))
        {
            return page.Forbid();
        }

        var result = page.Partial("_Denied");
        result.StatusCode = StatusCodes.Status403Forbidden;
        return result;
    }
}
