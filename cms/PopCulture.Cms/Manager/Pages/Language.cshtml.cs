using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PopCulture.Cms.Manager.Pages;

/// <summary>The language switch on every page: remembers the choice in a cookie and goes back where the editor was.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is not null && ManagerCulture.Supported.Contains(culture, StringComparer.Ordinal))
        {
            Response.Cookies.Append(ManagerCulture.CookieName, ManagerCulture.CookieValue(culture), new CookieOptions
            {
                Path = Request.PathBase + ManagerPaths.Root,
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = Request.IsHttps,
            });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : ManagerPaths.Root);
    }
}
