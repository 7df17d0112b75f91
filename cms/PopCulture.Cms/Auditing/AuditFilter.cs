namespace PopCulture.Cms.Auditing;

/// <summary>
/// What to list of the audit log: instants from (inclusive) and to (exclusive), a fragment of the user's email and a
/// prefix of the action (<c>content.</c>, <c>auth.signin</c>); null leaves that part open.
/// </summary>
public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? User, string? Action)
{
    /// <summary>The longest user or action text a filter may hold.</summary>
    public const int MaxTextLength = 256;
}
