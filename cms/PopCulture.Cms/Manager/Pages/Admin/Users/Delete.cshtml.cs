using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Users;

/// <summary>Asks before deleting a user with their grants and tokens; the delete itself is the POST (admins only).</summary>
public sealed class DeleteModel(UserAdmin users, IStringLocalizer<ManagerText> text) : AdminPageModel
{
    [FromRoute(Name = "id")]
    public string Id { get; set; } = "";

    public UserInfo Account { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Account = (await users.FindAsync(Id, cancellationToken))!;
        return Account is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Account = (await users.FindAsync(Id, cancellationToken))!;
        if (Account is null)
        {
            return NotFound();
        }

        var outcome = await users.DeleteAsync(CurrentAdmin.UserId, Id, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage("/Admin/Users/Index", new { done = "deleted" });
        }

        Problem = AccountErrors.Translate(outcome.Message ?? "", text);
        Response.StatusCode = outcome.Kind == OutcomeKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return Page();
    }
}
