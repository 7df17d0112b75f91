using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Webhooks;

using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin.Webhooks;

/// <summary>One subscription: its fields to edit (the webhooks API's update) and its recent deliveries with their attempts.</summary>
public sealed class DetailModel(WebhookStore webhooks, IStringLocalizer<ManagerText> text) : AdminPageModel
{
    public const int PageSize = 20;

    public WebhookInfo Hook { get; private set; } = null!;

    public WebhookForm Form { get; private set; } = new();

    public Page<WebhookDeliveryInfo> Deliveries { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Deliveries.Total + PageSize - 1) / PageSize);

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, [FromQuery(Name = "page")] int? number, CancellationToken cancellationToken)
    {

        if (done is not null && text["Ops.Webhooks.Done." + done] is { ResourceNotFound: false } message)
        {
            Done = message.Value;
        }

        return await ShowAsync(id, null, number, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? url, string[]? events, bool active, CancellationToken cancellationToken)
    {

        var form = new WebhookForm { Url = url ?? "", Events = events ?? [], Active = active };
        var outcome = await webhooks.UpdateAsync(id, form.ToRequest(), cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage("/Admin/Webhooks/Detail", new { id, done = "saved" });
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(id, form.WithErrors(outcome.Errors, text), null, cancellationToken);
    }

    /// <summary>Another page of the deliveries.</summary>
    public string PageLink(int number) => ManagerPaths.Paged(Url.Page("/Admin/Webhooks/Detail", new { id = Hook.Id }), number);

    private async Task<IActionResult> ShowAsync(Guid id, WebhookForm? form, int? number, CancellationToken cancellationToken)
    {
        var hook = await webhooks.FindAsync(id, cancellationToken);
        var deliveries = await webhooks.DeliveriesAsync(id, Math.Clamp(number ?? 1, 1, 100_000), PageSize, cancellationToken);
        if (hook is null || deliveries is null)
        {
            return NotFound();
        }

        Hook = hook;
        Form = form ?? WebhookForm.From(hook);
        Deliveries = deliveries;
        return Page();
    }
}
