using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>Changing a user: display name, grants, lock, password reset.</summary>
public sealed partial class UserAdmin
{
    /// <summary>
    /// Applies what <paramref name="request"/> gives and leaves the rest; refuses to demote the last admin or to let the
    /// acting admin (<paramref name="currentUserId"/>) demote or lock themself.
    /// </summary>
    public async Task<Outcome<UserInfo>> UpdateAsync(string currentUserId, string id, UsersApi.UpdateUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var displayName = ReadDisplayName(request.DisplayName, errors);
        if (request.Password is { Length: 0 or > MaxPasswordLength })
        {
            errors["password"] = [$"a new password must be 1 to {MaxPasswordLength} characters"];
        }

        GrantRules.Validate(request.Grants, errors);
        if (errors.Count > 0)
        {
            return Outcome<UserInfo>.Invalid(errors);
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NoSuchUser<UserInfo>(id);
        }

        var grants = await db.Grants.Where(g => g.UserId == id).ToListAsync(cancellationToken);
        var demoted = grants.Any(g => g.Role == Roles.Admin) && request.Grants is not null && !request.Grants.Any(g => g!.Role == Roles.Admin);
        if (demoted && !await OtherAdminExistsAsync(id, cancellationToken))
        {
            return Outcome<UserInfo>.Conflict(LastAdmin);
        }

        if (id == currentUserId && (demoted || request.Locked == true))
        {
            return Outcome<UserInfo>.Conflict("you cannot take away your own admin role or lock yourself out: ask another admin");
        }

        var now = clock.GetUtcNow();
        var changes = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.Password is { } password)
        {
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!reset.Succeeded)
            {
                return Outcome<UserInfo>.Invalid(IdentityErrors(reset));
            }

            await tokens.EndSessionsAsync(id, cancellationToken);
            changes.Add("password reset");
        }

        if (request.Locked is { } locked)
        {
            // Locked until unlocked; the bearer handler and sign-in both refuse a user whose LockoutEnd is in the future.
            user.LockoutEnabled = true;
            user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
            user.AccessFailedCount = 0;
            changes.Add(locked ? "locked" : "unlocked");
        }

        if (request.DisplayName is not null)
        {
            user.DisplayName = displayName;
            changes.Add($"display name '{displayName}'");
        }

        if (request.Locked is not null || request.DisplayName is not null)
        {
            // A new security stamp ends manager cookie sessions of a locked user at their next validation.
            var saved = request.Locked == true ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                return Outcome<UserInfo>.Invalid(IdentityErrors(saved));
            }
        }

        if (request.Grants is not null)
        {
            db.Grants.RemoveRange(grants);
            grants = GrantRules.ToGrants(id, request.Grants);
            db.Grants.AddRange(grants);
            changes.Add("grants " + GrantRules.Describe(grants));
        }

        if (changes.Count > 0)
        {
            audit.Record("users.update", user.Email, string.Join("; ", changes));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<UserInfo>.Ok(UserInfo.From(user, grants, now));
    }
}
