using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Manager.Pages;

/// <summary>Email and password in, the manager's cookie out; locks out like the token endpoint and shares its rate limit.</summary>
[EnableRateLimiting(AuthApi.LoginRateLimit)]
public sealed class SignInModel(
    UserManager<CmsUser> users, SignInManager<CmsUser> signIn, AuditLog audit, CmsDbContext db, IStringLocalizer<ManagerText> text, IOptions<ManagerOptions> options)
    : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    // Bound for the sign-in only; the page never writes it back.
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>Set when the rate limit refused the last attempt.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Throttled { get; set; }

    public string? Error { get; private set; }

    public int IdleMinutes => (int)options.Value.IdleTimeout.TotalMinutes;

    public void OnGet()
    {
        if (Throttled)
        {
            Error = text["SignIn.Throttled"];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SignedOut = false;
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password) || Email.Length > 256 || Password.Length > 256)
        {
            Error = text["SignIn.Required"];
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            audit.Record("auth.failed", Email, result.IsLockedOut ? "locked out" : "wrong email or password (manager)", user?.Id, Email);
            await db.SaveChangesAsync(cancellationToken);
            // One message for unknown email, wrong password and lockout, so the form does not reveal which emails exist.
            Error = text["SignIn.Failed"];
            return Page();
        }

        audit.Record("auth.signin", user!.Email, "signed in to the manager", user.Id, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : ManagerPaths.Root);
    }
}
