using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Webhooks;

using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Webhooks;

/// <summary>Subscribes a URL to events, through the same store and rules as the webhooks API; shows the signing secret once.</summary>
public sealed class NewModel(WebhookStore webhooks, IStringLocalizer<ManagerText> text) : AdminPageModel
{
    public WebhookForm Form { get; private set; } = new() { Events = WebhookEvents.All };

    /// <summary>The subscription just made, with its secret: shown on this answer only, never after a redirect or again.</summary>
    public CreatedWebhook? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Page();

    public async Task<IActionResult> OnPostAsync(string? url, string[]? events, bool active, CancellationToken cancellationToken)
    {

        Form = new WebhookForm { Url = url ?? "", Events = events ?? [], Active = active };
        var outcome = await webhooks.CreateAsync(Form.ToRequest(), CurrentAdmin, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Created = outcome.Value;
                // The secret is in this page: keep it out of caches and the browser's back-forward store.
                Response.Headers.CacheControl = "no-store";
                return Page();
            case OutcomeKind.Conflict:
                Form = new WebhookForm { Url = Form.Url, Events = Form.Events, Active = active, Problem = text["Ops.Webhooks.TooMany", WebhookRules.MaxSubscriptions] };
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                Form = Form.WithErrors(outcome.Errors, text);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }
}
