using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>
/// Users and their grants as admins change them, for the users API and the manager's user screens alike: the same
/// checks (never the last admin, never yourself), each change one audited transaction. Callers check the admin first.
/// </summary>
public sealed partial class UserAdmin(UserManager<CmsUser> users, CmsDbContext db, AuditLog audit, TokenService tokens, TimeProvider clock)
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxEmailLength = 256;
    public const int MaxPasswordLength = 256;

    /// <summary>A page of users by email, each with their grants; <paramref name="emailContains"/> narrows by part of the email.</summary>
    public async Task<Page<UserInfo>> ListAsync(int number, int size, string? emailContains, CancellationToken cancellationToken)
    {
        var matching = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(emailContains))
        {
            // Normalized emails are upper case and indexed; the search reads them the same way.
            var part = users.NormalizeEmail(emailContains.Trim());
            matching = matching.Where(u => u.NormalizedEmail!.Contains(part));
        }

        var total = await matching.CountAsync(cancellationToken);
        var rows = await matching.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var ids = rows.Select(u => u.Id).ToList();
        var grants = (await db.Grants.AsNoTracking().Where(g => ids.Contains(g.UserId)).ToListAsync(cancellationToken)).ToLookup(g => g.UserId);
        var now = clock.GetUtcNow();
        return new Page<UserInfo>([.. rows.Select(u => UserInfo.From(u, grants[u.Id], now))], number, size, total);
    }

    /// <summary>One user with their grants, or null.</summary>
    public async Task<UserInfo?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var grants = await db.Grants.AsNoTracking().Where(g => g.UserId == id).ToListAsync(cancellationToken);
        return UserInfo.From(user, grants, clock.GetUtcNow());
    }

    public async Task<Outcome<UserInfo>> CreateAsync(UsersApi.CreateUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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
            return Outcome<UserInfo>.Invalid(errors);
        }

        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
        var grants = GrantRules.ToGrants(user.Id, request.Grants);

        // UserManager saves on its own; the transaction makes the user, their grants and the audit entry one change.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return Outcome<UserInfo>.Invalid(IdentityErrors(created));
        }

        db.Grants.AddRange(grants);
        audit.Record("users.create", email, GrantRules.Describe(grants));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<UserInfo>.Ok(UserInfo.From(user, grants, clock.GetUtcNow()));
    }

    /// <summary>Deletes a user with their grants and tokens; never the acting admin, never the last admin.</summary>
    public async Task<Outcome<bool>> DeleteAsync(string currentUserId, string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NoSuchUser<bool>(id);
        }

        var isAdmin = await db.Grants.AnyAsync(g => g.UserId == id && g.Role == Roles.Admin, cancellationToken);
        if (isAdmin && !await OtherAdminExistsAsync(id, cancellationToken))
        {
            return Outcome<bool>.Conflict(LastAdmin);
        }

        if (id == currentUserId)
        {
            return Outcome<bool>.Conflict("you cannot delete your own account: ask another admin");
        }

        // Tokens and grants have no foreign key to the user, so they go explicitly, in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tokens = await db.Tokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Grants.Where(g => g.UserId == id).ExecuteDeleteAsync(cancellationToken);
        audit.Record("users.delete", user.Email, $"{tokens} tokens deleted");
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return Outcome<bool>.Conflict(string.Join("; ", deleted.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    private const string LastAdmin = "this is the last admin: make someone else admin first";

    private static Outcome<T> NoSuchUser<T>(string id) => new(OutcomeKind.NotFound, Message: $"no user {id}");

    private Task<bool> OtherAdminExistsAsync(string userId, CancellationToken cancellationToken) =>
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
