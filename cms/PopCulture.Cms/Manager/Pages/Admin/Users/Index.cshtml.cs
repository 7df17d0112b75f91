using Microsoft.AspNetCore.Mvc;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Users;

/// <summary>The users, by email, 50 a page, with their grants; a search narrows by part of the email (admins only).</summary>
public sealed class IndexModel(UserAdmin users) : AdminPageModel
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 100;

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>What was just done (<c>created</c>, <c>deleted</c>), for the status line.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public Page<UserInfo> Result { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Search = Search?.Trim() is { Length: > 0 } search ? search[..Math.Min(search.Length, MaxSearchLength)] : null;
        Result = await users.ListAsync(Math.Clamp(PageNumber, 1, 100_000), PageSize, Search, cancellationToken);
        return Page();
    }

    /// <summary>This list on another page, keeping the search.</summary>
    public string PageLink(int page) => ManagerPaths.Paged(Url.Page("/Admin/Users/Index"), page, ("q", Search));
}
