using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>
/// API tokens as their owners (and admins) keep them, for the tokens API and the manager's token page alike: list,
/// create (the secret is returned once), revoke, each change audited.
/// </summary>
public sealed class TokenAdmin(CmsDbContext db, TokenService tokens, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int DefaultExpiresInDays = 90;

    /// <summary>The scopes a token can have: look only, or change too.</summary>
    public static IReadOnlyList<string> Scopes { get; } = ["read", "write"];

    /// <summary>Tokens newest first: the user's own, or with <paramref name="all"/> (admins only) everyone's, with the owner's email.</summary>
    public async Task<Outcome<Page<TokenInfo>>> ListAsync(
        CmsPrincipal user, bool all, bool sessions, int number, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (all && !user.IsAdmin)
        {
            return Outcome<Page<TokenInfo>>.Forbidden("only admins may list everyone's tokens");
        }

        var listed = db.Tokens.AsNoTracking();
        if (!all)
        {
            listed = listed.Where(t => t.UserId == user.UserId);
        }

        if (!sessions)
        {
            listed = listed.Where(t => !t.IsSession);
        }

        var total = await listed.CountAsync(cancellationToken);
        var items = await Described(listed.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).Skip((number - 1) * size).Take(size))
            .ToListAsync(cancellationToken);
        return Outcome<Page<TokenInfo>>.Ok(new Page<TokenInfo>(items, number, size, total));
    }

    /// <summary>A token the user may revoke (their own, or any for an admin), or null: others' tokens are as good as missing.</summary>
    public Task<TokenInfo?> FindAsync(CmsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Described(db.Tokens.AsNoTracking().Where(t => t.Id == id && (user.IsAdmin || t.UserId == user.UserId)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Creates a token for <paramref name="user"/>; the outcome carries its secret, which nothing shows again.</summary>
    public async Task<Outcome<TokensApi.CreatedToken>> CreateAsync(CmsPrincipal user, TokensApi.CreateTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        if (!user.CanWrite)
        {
            return Outcome<TokensApi.CreatedToken>.Forbidden("a read-only token cannot create tokens");
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
            return Outcome<TokensApi.CreatedToken>.Invalid(errors);
        }

        // IssueAsync saves the token itself; the transaction keeps it and its audit entry one change.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (token, secret) = await tokens.IssueAsync(user.UserId, name!, request.Scope!, TimeSpan.FromDays(days), isSession: false, cancellationToken);
        audit.Record("tokens.create", token.Id.ToString(), $"'{token.Name}' {token.Scope}, expires {token.ExpiresAt:O}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<TokensApi.CreatedToken>.Ok(
            new TokensApi.CreatedToken(token.Id, secret, token.Name, token.Scope, token.Prefix, token.CreatedAt, token.ExpiresAt));
    }

    /// <summary>Revokes one of the user's tokens (an admin: anyone's); revoking twice changes nothing.</summary>
    public async Task<Outcome<bool>> RevokeAsync(CmsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.CanWrite)
        {
            return Outcome<bool>.Forbidden("a read-only token cannot revoke tokens");
        }

        var token = await db.Tokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null || (token.UserId != user.UserId && !user.IsAdmin))
        {
            // The same answer for someone else's token as for none, so ids of others' tokens reveal nothing.
            return new Outcome<bool>(OutcomeKind.NotFound, Message: $"no token {id} of yours");
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            audit.Record("tokens.revoke", token.Id.ToString(), $"'{token.Name}' of user {token.UserId}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }

    private IQueryable<TokenInfo> Described(IQueryable<ApiToken> listed) =>
        from t in listed
        join u in db.Users on t.UserId equals u.Id into owners
        from owner in owners.DefaultIfEmpty()
        select new TokenInfo(t.Id, t.Name, t.Scope, t.Prefix, t.IsSession, owner == null ? null : owner.Email, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
