namespace PopCulture.Cms.Identity;

/// <summary>A bearer token as its owner (or an admin) sees it in a list: never the secret or its hash.</summary>
public sealed record TokenInfo(
    Guid Id,
    string Name,
    string Scope,
    string Prefix,
    bool IsSession,
    string? UserEmail,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
