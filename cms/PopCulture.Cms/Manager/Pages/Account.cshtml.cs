using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Accounts;
using PopCulture.Cms.Manager.Editing;

namespace PopCulture.Cms.Manager.Pages;

/// <summary>
/// The signed-in user's own account: who they are, and their password changed by proving the current one. This
/// browser stays signed in; the user's other sessions end at their next check, as the password's stamp changed.
/// </summary>
public sealed class AccountModel(AccessControl access, OwnPassword passwords, UserManager<CmsUser> users, SignInManager<CmsUser> signIn, IStringLocalizer<ManagerText> text)
    : PageModel
{
    /// <summary>What was just done (<c>password</c>), for the status line.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public string Email { get; private set; } = "";

    public string? DisplayName { get; private set; }

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } current)
        {
            return Challenge();
        }

        // Read from the form, never bound to properties, so no password is ever written back into the page.
        var form = Request.Form;
        var outcome = await passwords.ChangeAsync(current.UserId, form["currentPassword"], form["newPassword"], form["confirmPassword"], cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                await signIn.RefreshSignInAsync(outcome.Value!);
                return RedirectToPage("/Account", new { done = "password" });
            case OutcomeKind.Invalid:
                await LoadAsync(cancellationToken);
                Errors = AccountErrors.From(outcome.Errors, [], text);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                return Forbid();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } current || await users.FindByIdAsync(current.UserId) is not { } user)
        {
            return false;
        }

        Email = user.Email ?? current.Email;
        DisplayName = user.DisplayName;
        return true;
    }
}
