using Microsoft.AspNetCore.Mvc;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Webhooks;

/// <summary>Outbound webhooks (admin only): subscriptions, and each one's deliveries with their attempts.</summary>
public static partial class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/manage/webhooks").WithTags("Webhooks").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("Webhook subscriptions, newest first, without their secrets (admin only)")
            .Produces<Page<WebhookInfo>>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        api.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary($"Subscribe a URL to events ({string.Join(", ", WebhookEvents.All)}); the signing secret is in this response only (admin only)")
            .Produces<CreatedWebhook>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        api.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("One webhook subscription, without its secret (admin only)")
            .Produces<WebhookInfo>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateWebhook")
            .WithSummary("Change a subscription's URL, events or active flag; what is left out stays (admin only)")
            .Produces<WebhookInfo>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a subscription with its deliveries (admin only)")
            .Produces(204).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("A subscription's deliveries, newest first, each with its attempts (admin only)")
            .Produces<Page<WebhookDeliveryInfo>>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> ListAsync(
        AccessControl access, WebhookStore webhooks, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: false, out var refusal))
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, DeliveryApi.DefaultPageSize, DeliveryApi.MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await webhooks.PageAsync(number, size, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, AccessControl access, WebhookStore webhooks, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: false, out var refusal))
        {
            return refusal;
        }

        var subscription = await webhooks.FindAsync(id, cancellationToken);
        return subscription is null ? AdminGate.NotFound($"no webhook {id}") : TypedResults.Ok(subscription);
    }

    private static async Task<IResult> DeliveriesAsync(
        Guid id, AccessControl access, WebhookStore webhooks, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: false, out var refusal))
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, DeliveryApi.DefaultPageSize, DeliveryApi.MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var deliveries = await webhooks.DeliveriesAsync(id, number, size, cancellationToken);
        return deliveries is null ? AdminGate.NotFound($"no webhook {id}") : TypedResults.Ok(deliveries);
    }
}
