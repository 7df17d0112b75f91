using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Accounts;
using PopCulture.Cms.Manager.Editing;

namespace PopCulture.Cms.Manager.Pages.Tokens;

/// <summary>
/// The signed-in user's API tokens (an admin's: everyone's, with their owners), and a form to create one. The new
/// token's secret is shown once, in the answer to the POST that made it: never in an address, a cookie or a log.
/// </summary>
public sealed class IndexModel(AccessControl access, TokenAdmin tokens, IStringLocalizer<ManagerText> text) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>What was just done (<c>revoked</c>), for the status line.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "scope")]
    public string? Scope { get; set; } = "read";

    [BindProperty(Name = "expiresInDays")]
    public string? Days { get; set; } = TokenAdmin.DefaultExpiresInDays.ToString(CultureInfo.InvariantCulture);

    public Page<TokenInfo> Result { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    /// <summary>True when the list is everyone's tokens, so each row names its owner.</summary>
    public bool Everyone { get; private set; }

    /// <summary>The token just created, with its secret; only ever set while answering the POST.</summary>
    public TokensApi.CreatedToken? Created { get; private set; }

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    public static int MaxDays => (int)TokenService.MaxTokenLifetime.TotalDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        await ListAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        int? days = int.TryParse(Days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var outcome = days is null
            ? Outcome<TokensApi.CreatedToken>.Invalid("expiresInDays", $"expiresInDays must be from 1 to {MaxDays}")
            : await tokens.CreateAsync(user, new TokensApi.CreateTokenRequest(Name, Scope, days), cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Created = outcome.Value;
            Name = null;
            // The page holds the secret: no cache may keep it, and going back does not show it again.
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            Errors = AccountErrors.From(outcome.Errors, [], text);
            Response.StatusCode = outcome.Kind == OutcomeKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        }

        await ListAsync(user, cancellationToken);
        return Page();
    }

    public string PageLink(int page) => ManagerPaths.Paged(Url.Page("/Tokens/Index"), page);

    private async Task ListAsync(CmsPrincipal user, CancellationToken cancellationToken)
    {
        Everyone = user.IsAdmin;
        var listed = await tokens.ListAsync(user, Everyone, sessions: false, Math.Clamp(PageNumber, 1, 100_000), PageSize, cancellationToken);
        Result = listed.Value!;
    }
}
