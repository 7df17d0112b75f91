using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>The users API's writes: create, update (grants, lock, password reset) and delete, each one audited transaction.</summary>
public static partial class UsersApi
{
    public const int MaxDisplayNameLength = UserAdmin.MaxDisplayNameLength;

    /// <summary>A new user: email (also the sign-in name), display name, first password and grants (none: no access yet).</summary>
    public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<GrantInput?>? Grants);

    /// <summary>Changes to a user; what is left out stays. <c>Grants</c> replaces every grant; <c>Password</c> is an admin reset.</summary>
    public sealed record UpdateUserRequest(string? DisplayName, IReadOnlyList<GrantInput?>? Grants, bool? Locked, string? Password);

    private static async Task<IResult> CreateAsync(CreateUserRequest request, AccessControl access, UserAdmin admin, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: true, out var refusal))
        {
            return refusal;
        }

        return ApiResults.From(await admin.CreateAsync(request, cancellationToken), user => TypedResults.Created($"/api/v1/manage/users/{user.Id}", user));
    }

    private static async Task<IResult> UpdateAsync(
        string id, UpdateUserRequest request, AccessControl access, UserAdmin admin, CancellationToken cancellationToken)
    {
        var current = await access.CurrentAsync(cancellationToken);
        if (AdminGate.Refused(current, writes: true, out var refusal))
        {
            return refusal;
        }

        return ApiResults.From(await admin.UpdateAsync(current.UserId, id, request, cancellationToken), TypedResults.Ok);
    }

    private static async Task<IResult> DeleteAsync(string id, AccessControl access, UserAdmin admin, CancellationToken cancellationToken)
    {
        var current = await access.CurrentAsync(cancellationToken);
        if (AdminGate.Refused(current, writes: true, out var refusal))
        {
            return refusal;
        }

        return ApiResults.From(await admin.DeleteAsync(current.UserId, id, cancellationToken), _ => TypedResults.NoContent());
    }
}
