using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Identity;

/// <summary>Issues bearer tokens (shown once, stored as SHA-256) and finds the token a request presents.</summary>
public sealed class TokenService(CmsDbContext db, TimeProvider clock)
{
    public const string Prefix = "pc_";

    /// <summary>How long a sign-in token (<c>POST /api/v1/auth/token</c>) lives.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(1);

    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(366);

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token for <paramref name="userId"/>; returns the stored row and the secret, which is never stored.</summary>
    public async Task<(ApiToken Token, string Secret)> IssueAsync(
        string userId, string name, string scope, TimeSpan lifetime, bool isSession, CancellationToken cancellationToken)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            Scope = scope,
            IsSession = isSession,
            Hash = Hash(secret),
            Prefix = secret[..10],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Tokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>
    /// Revokes the user's sign-in tokens, which were got with a password that has just changed; API tokens were made on
    /// purpose and stay. Runs in the caller's transaction.
    /// </summary>
    public async Task EndSessionsAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Tokens.Where(t => t.UserId == userId && t.IsSession && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    /// <summary>The live token matching <paramref name="secret"/>, or null if unknown, revoked or expired.</summary>
    public async Task<ApiToken?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var token = await db.Tokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        // Owners see when a token was last used; writing that at most once a minute keeps reads from becoming writes.
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
        {
            var stale = now - LastUsedResolution;
            await db.Tokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < stale))
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        }

        return token;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
