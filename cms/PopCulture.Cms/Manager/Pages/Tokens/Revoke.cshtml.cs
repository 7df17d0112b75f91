using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Manager.Pages.Tokens;

/// <summary>Asks before revoking a token; the POST revokes it. Someone else's token is not found, unless the user is an admin.</summary>
public sealed class RevokeModel(AccessControl access, TokenAdmin tokens) : PageModel
{
    [FromRoute(Name = "id")]
    public Guid Id { get; set; }

    public TokenInfo Token { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        Token = (await tokens.FindAsync(user, Id, cancellationToken))!;
        return Token is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        var outcome = await tokens.RevokeAsync(user, Id, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => RedirectToPage("/Tokens/Index", new { done = "revoked" }),
            OutcomeKind.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }
}
