using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>
/// A signed-in user changing their own password: the current one proves it is them (a wrong one counts towards the
/// lockout, as at sign-in), the new one meets the password rules, and the change is audited and ends the sign-in
/// tokens got with the old one. Errors are keyed by the form's fields: currentPassword, newPassword, confirmPassword.
/// </summary>
public sealed class OwnPassword(UserManager<CmsUser> users, CmsDbContext db, AuditLog audit, TokenService tokens)
{
    public async Task<Outcome<CmsUser>> ChangeAsync(string userId, string? current, string? next, string? confirm, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(current) || current.Length > UserAdmin.MaxPasswordLength)
        {
            errors["currentPassword"] = ["the current password is required"];
        }

        if (string.IsNullOrEmpty(next) || next.Length > UserAdmin.MaxPasswordLength)
        {
            errors["newPassword"] = [$"a new password must be 1 to {UserAdmin.MaxPasswordLength} characters"];
        }
        else if (!string.Equals(next, confirm, StringComparison.Ordinal))
        {
            errors["confirmPassword"] = ["the two new passwords differ"];
        }

        if (errors.Count > 0)
        {
            return Outcome<CmsUser>.Invalid(errors);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return Outcome<CmsUser>.Forbidden("this account is locked or gone");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await users.ChangePasswordAsync(user, current!, next!);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
                audit.Record("auth.failed", user.Email, "wrong current password (password change)", user.Id, user.Email);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return Outcome<CmsUser>.Invalid("currentPassword", "the current password is wrong");
            }

            return Outcome<CmsUser>.Invalid(new Dictionary<string, string[]> { ["newPassword"] = [.. changed.Errors.Select(e => e.Description)] });
        }

        await tokens.EndSessionsAsync(user.Id, cancellationToken);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record("users.password", user.Email, "changed their own password", user.Id, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<CmsUser>.Ok(user);
    }
}
