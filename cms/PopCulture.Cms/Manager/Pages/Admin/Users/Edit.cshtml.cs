using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Users;

/// <summary>One user: change their display name and grants, disable or enable them, or go on to delete them (admins only).</summary>
public sealed class EditModel(UserAdmin users, ContentLists lists, IStringLocalizer<ManagerText> text) : UserFormPageModel(lists, text)
{
    [FromRoute(Name = "id")]
    public string Id { get; set; } = "";

    [BindProperty(Name = "displayName")]
    public string? DisplayName { get; set; }

    /// <summary>What was just done (<c>created</c>, <c>saved</c>, <c>locked</c>, <c>unlocked</c>), for the status line.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public UserInfo Account { get; private set; } = null!;

    /// <summary>True on the acting admin's own page, where disabling and deleting are not offered.</summary>
    public bool IsSelf => Account.Id == CurrentAdmin.UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        DisplayName = Account.DisplayName;
        Choices = GrantChoices.From(Account.Grants, await KnownSectionsAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var roleAt = new List<string>();
        var grants = await ReadGrantsAsync(roleAt, cancellationToken);
        if (grants is null)
        {
            return Invalid();
        }

        // An emptied name field clears the display name; the service reads null as "leave it".
        var request = new UsersApi.UpdateUserRequest(DisplayName ?? "", grants, Locked: null, Password: null);
        return Finish(await users.UpdateAsync(CurrentAdmin.UserId, Id, request, cancellationToken), "saved", roleAt);
    }

    public Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken) => SetLockedAsync(true, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) => SetLockedAsync(false, cancellationToken);

    private async Task<IActionResult> SetLockedAsync(bool locked, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        DisplayName = Account.DisplayName;
        Choices = GrantChoices.From(Account.Grants, await KnownSectionsAsync(cancellationToken));
        var request = new UsersApi.UpdateUserRequest(null, null, locked, null);
        return Finish(await users.UpdateAsync(CurrentAdmin.UserId, Id, request, cancellationToken), locked ? "locked" : "unlocked", []);
    }

    private IActionResult Finish(Outcome<UserInfo> outcome, string done, IReadOnlyList<string> roleAt) =>
        outcome.Kind == OutcomeKind.Ok ? RedirectToPage("/Admin/Users/Edit", new { id = Id, done }) : Refused(outcome, roleAt);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Account = (await users.FindAsync(Id, cancellationToken))!;
        return Account is not null;
    }
}
