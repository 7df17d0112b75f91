using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>API tokens: create (the secret is shown once), list, revoke.</summary>
public static class TokensApi
{
    public const int MaxNameLength = 100;
    public const int DefaultExpiresInDays = 90;

    private static readonly string[] Scopes = ["read", "write"];

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
        AccessControl access, CmsDbContext db, [FromQuery] bool? all, [FromQuery] bool? sessions, [FromQuery] int? page, [FromQuery] int? pageSize,
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

        var tokens = db.Tokens.AsNoTracking();
        if (all != true)
        {
            tokens = tokens.Where(t => t.UserId == user.UserId);
        }

        if (sessions != true)
        {
            tokens = tokens.Where(t => !t.IsSession);
        }

        var total = await tokens.CountAsync(cancellationToken);
        var items = await (
                from t in tokens.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).Skip((number - 1) * size).Take(size)
                join u in db.Users on t.UserId equals u.Id into owners
                from owner in owners.DefaultIfEmpty()
                select new TokenInfo(
                    t.Id, t.Name, t.Scope, t.Prefix, t.IsSession, owner == null ? null : owner.Email, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<TokenInfo>(items, number, size, total));
    }

    private static async Task<IResult> CreateAsync(
        CreateTokenRequest request, AccessControl access, TokenService tokens, CmsDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        if (!user.CanWrite)
        {
            return AdminGate.Forbidden("a read-only token cannot create tokens");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"name is required, at most {MaxNameLength} characters"];
        }

        if (request.Scope is null || !Scopes.Contains(request.Scope, StringComparer.Ordinal))
        {
            errors["scope"] = ["scope must be read or write"];
        }

        var days = request.ExpiresInDays ?? DefaultExpiresInDays;
        var maxDays = (int)TokenService.MaxTokenLifetime.TotalDays;
        if (days < 1 || days > maxDays)
        {
            errors["expiresInDays"] = [$"expiresInDays must be from 1 to {maxDays}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // IssueAsync saves the token itself; the transaction keeps it and its audit entry one change.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (token, secret) = await tokens.IssueAsync(user.UserId, name!, request.Scope!, TimeSpan.FromDays(days), isSession: false, cancellationToken);
        audit.Record("tokens.create", token.Id.ToString(), $"'{token.Name}' {token.Scope}, expires {token.ExpiresAt:O}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created(
            (string?)null, new CreatedToken(token.Id, secret, token.Name, token.Scope, token.Prefix, token.CreatedAt, token.ExpiresAt));
    }

    private static async Task<IResult> RevokeAsync(
        Guid id, AccessControl access, CmsDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        if (!user.CanWrite)
        {
            return AdminGate.Forbidden("a read-only token cannot revoke tokens");
        }

        var token = await db.Tokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null || (token.UserId != user.UserId && !user.IsAdmin))
        {
            // The same answer for someone else's token as for none, so ids of others' tokens reveal nothing.
            return AdminGate.NotFound($"no token {id} of yours");
        }

        // Revoking twice is not an error and changes nothing: the first revocation stands.
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            audit.Record("tokens.revoke", token.Id.ToString(), $"'{token.Name}' of user {token.UserId}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
