namespace PopCulture.Cms.Identity;

/// <summary>A bearer token: an API token a user created, or a short-lived one from signing in. Only its hash is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary><c>read</c> or <c>write</c>.</summary>
    public required string Scope { get; set; }

    /// <summary>True for tokens issued by <c>POST /api/v1/auth/token</c>.</summary>
    public bool IsSession { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so its owner can recognise it in a list.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
