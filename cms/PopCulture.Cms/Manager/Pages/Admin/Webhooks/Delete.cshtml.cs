using Microsoft.AspNetCore.Mvc;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Webhooks;

using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Webhooks;

/// <summary>Asks before deleting a subscription with its deliveries: a page of its own, so it works without scripts.</summary>
public sealed class DeleteModel(WebhookStore webhooks) : AdminPageModel
{
    public WebhookInfo Hook { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {

        if (await webhooks.FindAsync(id, cancellationToken) is not { } hook)
        {
            return NotFound();
        }

        Hook = hook;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {

        var outcome = await webhooks.DeleteAsync(id, cancellationToken);
        return outcome.Kind == OutcomeKind.Ok ? RedirectToPage("/Admin/Webhooks/Index", new { done = "deleted" }) : NotFound();
    }
}
