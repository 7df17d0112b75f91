using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Webhooks;

/// <summary>The webhooks API's changes: create (the secret is shown once), update and delete, each audited by the store.</summary>
public static partial class WebhooksApi
{
    private static async Task<IResult> CreateAsync(
        WebhookRequest request, AccessControl access, WebhookStore webhooks, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (AdminGate.Refused(user, writes: true, out var refusal))
        {
            return refusal;
        }

        var outcome = await webhooks.CreateAsync(request, user, cancellationToken);
        return outcome.Kind == OutcomeKind.Ok
            ? TypedResults.Created($"/api/v1/manage/webhooks/{outcome.Value!.Id}", outcome.Value)
            : Refusal(outcome, Guid.Empty);
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, WebhookRequest request, AccessControl access, WebhookStore webhooks, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: true, out var refusal))
        {
            return refusal;
        }

        var outcome = await webhooks.UpdateAsync(id, request, cancellationToken);
        return outcome.Kind == OutcomeKind.Ok ? TypedResults.Ok(outcome.Value) : Refusal(outcome, id);
    }

    private static async Task<IResult> DeleteAsync(Guid id, AccessControl access, WebhookStore webhooks, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: true, out var refusal))
        {
            return refusal;
        }

        var outcome = await webhooks.DeleteAsync(id, cancellationToken);
        return outcome.Kind == OutcomeKind.Ok ? TypedResults.NoContent() : Refusal(outcome, id);
    }

    private static IResult Refusal<T>(Outcome<T> outcome, Guid id) => outcome.Kind switch
    {
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
        OutcomeKind.Conflict => AdminGate.Conflict(outcome.Message!),
        OutcomeKind.NotFound => AdminGate.NotFound($"no webhook {id}"),
        _ => throw new InvalidOperationException($"the webhook store answered {outcome.Kind}"),
    };
}
