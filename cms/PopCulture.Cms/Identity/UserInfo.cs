namespace PopCulture.Cms.Identity;

/// <summary>A CMS user as the users API shows them; never their password hash or security stamp.</summary>
public sealed record UserInfo(string Id, string Email, string? DisplayName, bool LockedOut, DateTimeOffset CreatedAt, IReadOnlyList<GrantInfo> Grants)
{
    public static UserInfo From(CmsUser user, IEnumerable<AccessGrant> grants, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserInfo(
            user.Id,
            user.Email ?? "",
            user.DisplayName,
            user.LockoutEnd is { } end && end > now,
            user.CreatedAt,
            [.. grants.OrderBy(g => g.Id).Select(GrantInfo.From)]);
    }
}
