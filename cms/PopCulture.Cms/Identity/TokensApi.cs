using Microsoft.AspNetCore.Mvc;
using PopCulture.Cms.Content;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>API tokens: create (the secret is shown once), list, revoke.</summary>
public static class TokensApi
{
    public const int MaxNameLength = TokenAdmin.MaxNameLength;
    public const int DefaultExpiresInDays = TokenAdmin.DefaultExpiresInDays;

    /// <summary>A new API token: a name to recognise it by, <c>read</c> or <c>write</c>, and days until it expires (1–366, default 90).</summary>
    public sealed record CreateTokenRequest(string? Name, string? Scope, int? ExpiresInDays);

    /// <summary>A new token with its secret, which the CMS never shows again.</summary>
    public sealed record CreatedToken(Guid Id, string Token, string Name, string Scope, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/manage/tokens").WithTags("Tokens").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListTokens")
            .WithSummary("Your API tokens, newest first; sessions=true adds sign-in tokens, all=true (admins) everyone's")
            .Produces<Page<TokenInfo>>().ProducesValidationProblem().ProducesProblem(403);
        api.MapPost("/", CreateAsync).WithName("CreateToken").WithSummary("Create an API token; the secret is in this response only")
            .Produces<CreatedToken>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeToken").WithSummary("Revoke one of your tokens (admins: anyone's)")
            .Produces(204).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> ListAsync(
        AccessControl access, TokenAdmin admin, [FromQuery] bool? all, [FromQuery] bool? sessions, [FromQuery] int? page, [FromQuery] int? pageSize,
        CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        if (all == true && !user.IsAdmin)
        {
            return AdminGate.Forbidden("only admins may list everyone's tokens");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, DeliveryApi.DefaultPageSize, DeliveryApi.MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return ApiResults.From(await admin.ListAsync(user, all == true, sessions == true, number, size, cancellationToken), TypedResults.Ok);
    }

    private static async Task<IResult> CreateAsync(CreateTokenRequest request, AccessControl access, TokenAdmin admin, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        return ApiResults.From(await admin.CreateAsync(user, request, cancellationToken), created => TypedResults.Created((string?)null, created));
    }

    private static async Task<IResult> RevokeAsync(Guid id, AccessControl access, TokenAdmin admin, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        return ApiResults.From(await admin.RevokeAsync(user, id, cancellationToken), _ => TypedResults.NoContent());
    }
}
