using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Users;

/// <summary>A new user: email, display name, first password and grants, created by the users API's service (admins only).</summary>
public sealed class NewModel(UserAdmin users, ContentLists lists, IStringLocalizer<ManagerText> text) : UserFormPageModel(lists, text)
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "displayName")]
    public string? DisplayName { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = GrantChoices.From([], await KnownSectionsAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var roleAt = new List<string>();
        var grants = await ReadGrantsAsync(roleAt, cancellationToken);
        if (grants is null)
        {
            return Invalid();
        }

        // The password is read from the form, never bound to a property, so it is not written back into the page.
        var request = new UsersApi.CreateUserRequest(Email, DisplayName, Request.Form["password"].ToString(), grants);
        var outcome = await users.CreateAsync(request, cancellationToken);
        return outcome.Kind == OutcomeKind.Ok
            ? RedirectToPage("/Admin/Users/Edit", new { id = outcome.Value!.Id, done = "created" })
            : Refused(outcome, roleAt);
    }
}
