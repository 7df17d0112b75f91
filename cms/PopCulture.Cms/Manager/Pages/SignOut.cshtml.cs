using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Manager.Pages;

/// <summary>Ends the manager session. A form post (with its antiforgery token), so no link on another page can sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<CmsUser> signIn, AuditLog audit, CmsDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        audit.Record("auth.signout", User.Identity?.Name, "signed out of the manager");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/SignIn", new { signedOut = true });
    }
}
