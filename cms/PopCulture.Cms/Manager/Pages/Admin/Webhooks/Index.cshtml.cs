using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Webhooks;

using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Webhooks;

/// <summary>The webhook subscriptions, newest first, each switched on or off in place.</summary>
public sealed class IndexModel(WebhookStore webhooks, IStringLocalizer<ManagerText> text) : AdminPageModel
{
    public Page<WebhookInfo> Result { get; private set; } = null!;

    /// <summary>What the last change did, in words, after the redirect that follows it.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {

        if (done is not null && text["Ops.Webhooks.Done." + done] is { ResourceNotFound: false } message)
        {
            Done = message.Value;
        }

        // The store allows at most MaxSubscriptions, so one page holds them all.
        Result = await webhooks.PageAsync(1, WebhookRules.MaxSubscriptions, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid id, bool active, CancellationToken cancellationToken)
    {

        var outcome = await webhooks.UpdateAsync(id, new WebhookRequest(null, null, active), cancellationToken);
        return outcome.Kind == OutcomeKind.Ok ? RedirectToPage("/Admin/Webhooks/Index", new { done = active ? "on" : "off" }) : NotFound();
    }
}
