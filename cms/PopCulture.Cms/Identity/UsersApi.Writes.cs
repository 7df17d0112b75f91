using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Identity;

/// <summary>The users API's changes: create, update (grants, lock, password reset) and delete, each one audited transaction.</summary>
public static partial class UsersApi
{
    public const int MaxDisplayNameLength = 100;
    private const int MaxEmailLength = 256;
    private const int MaxPasswordLength = 256;

    /// <summary>A new user: email (also the sign-in name), display name, first password and grants (none: no access yet).</summary>
    public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<GrantInput?>? Grants);

    /// <summary>Changes to a user; what is left out stays. <c>Grants</c> replaces every grant; <c>Password</c> is an admin reset.</summary>
    public sealed record UpdateUserRequest(string? DisplayName, IReadOnlyList<GrantInput?>? Grants, bool? Locked, string? Password);

    private static async Task<IResult> CreateAsync(
        CreateUserRequest request, AccessControl access, UserManager<CmsUser> users, CmsDbContext db, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: true, out var refusal))
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > MaxEmailLength)
        {
            errors["email"] = [$"email is required, at most {MaxEmailLength} characters"];
        }

        var displayName = ReadDisplayName(request.DisplayName, errors);
        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > MaxPasswordLength)
        {
            errors["password"] = [$"password is required, at most {MaxPasswordLength} characters"];
        }

        GrantRules.Validate(request.Grants, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
        var grants = GrantRules.ToGrants(user.Id, request.Grants);

        // UserManager saves on its own; the transaction makes the user, their grants and the audit entry one change.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(IdentityErrors(created));
        }

        db.Grants.AddRange(grants);
        audit.Record("users.create", email, GrantRules.Describe(grants));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/manage/users/{user.Id}", UserInfo.From(user, grants, clock.GetUtcNow()));
    }

    private static async Task<IResult> UpdateAsync(
        string id, UpdateUserRequest request, AccessControl access, UserManager<CmsUser> users, CmsDbContext db, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var current = await access.CurrentAsync(cancellationToken);
        if (AdminGate.Refused(current, writes: true, out var refusal))
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var displayName = ReadDisplayName(request.DisplayName, errors);
        if (request.Password is { Length: 0 or > MaxPasswordLength })
        {
            errors["password"] = [$"a new password must be 1 to {MaxPasswordLength} characters"];
        }

        GrantRules.Validate(request.Grants, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AdminGate.NotFound($"no user {id}");
        }

        var grants = await db.Grants.Where(g => g.UserId == id).ToListAsync(cancellationToken);
        var demoted = grants.Any(g => g.Role == Roles.Admin) && request.Grants is not null && !request.Grants.Any(g => g!.Role == Roles.Admin);
        if (demoted && !await OtherAdminExistsAsync(db, id, cancellationToken))
        {
            return AdminGate.Conflict("this is the last admin: make someone else admin first");
        }

        if (id == current.UserId && (demoted || request.Locked == true))
        {
            return AdminGate.Conflict("you cannot take away your own admin role or lock yourself out: ask another admin");
        }

        var now = clock.GetUtcNow();
        var changes = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.Password is { } password)
        {
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!reset.Succeeded)
            {
                return TypedResults.ValidationProblem(IdentityErrors(reset));
            }

            // Sign-in tokens were got with the old password, so they end; API tokens were made on purpose and stay.
            await db.Tokens.Where(t => t.UserId == id && t.IsSession && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
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
                return TypedResults.ValidationProblem(IdentityErrors(saved));
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
        return TypedResults.Ok(UserInfo.From(user, grants, now));
    }

    private static async Task<IResult> DeleteAsync(
        string id, AccessControl access, UserManager<CmsUser> users, CmsDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        var current = await access.CurrentAsync(cancellationToken);
        if (AdminGate.Refused(current, writes: true, out var refusal))
        {
            return refusal;
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AdminGate.NotFound($"no user {id}");
        }

        var isAdmin = await db.Grants.AnyAsync(g => g.UserId == id && g.Role == Roles.Admin, cancellationToken);
        if (isAdmin && !await OtherAdminExistsAsync(db, id, cancellationToken))
        {
            return AdminGate.Conflict("this is the last admin: make someone else admin first");
        }

        if (id == current.UserId)
        {
            return AdminGate.Conflict("you cannot delete your own account: ask another admin");
        }

        // Tokens and grants have no foreign key to the user, so they go explicitly, in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tokens = await db.Tokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Grants.Where(g => g.UserId == id).ExecuteDeleteAsync(cancellationToken);
        audit.Record("users.delete", user.Email, $"{tokens} tokens deleted");
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return AdminGate.Conflict(string.Join("; ", deleted.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<bool> OtherAdminExistsAsync(CmsDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Grants.AnyAsync(g => g.Role == Roles.Admin && g.UserId != userId, cancellationToken);

    private static string? ReadDisplayName(string? value, Dictionary<string, string[]> errors)
    {
        var name = value?.Trim();
        if (name is { Length: > MaxDisplayNameLength })
        {
            errors["displayName"] = [$"displayName is at most {MaxDisplayNameLength} characters"];
        }

        return string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>Identity's errors under the request field they are about: password policy, or the email (which is also the user name).</summary>
    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result) =>
        result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal);
}
