using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PopCulture.Cms.Manager.Pages;

/// <summary>Where a page the user may not see sends them: a 403 with words instead of a bare status.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
