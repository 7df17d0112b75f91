using Microsoft.AspNetCore.Mvc;
using PopCulture.Cms.Content;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>Users and their role grants (admin only), and <c>/me</c> for anyone signed in.</summary>
public static partial class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/manage/users").WithTags("Users").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Users with their grants, by email (admin only)")
            .Produces<Page<UserInfo>>().ProducesValidationProblem().ProducesProblem(403);
        api.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Create a user with a password and role grants (admin only)")
            .Produces<UserInfo>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/me", MeAsync).WithName("GetCurrentUser").WithSummary("The signed-in user and their grants")
            .Produces<UserInfo>();
        api.MapGet("/{id}", GetAsync).WithName("GetUser").WithSummary("One user with their grants (admin only)")
            .Produces<UserInfo>().ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/{id}", UpdateAsync).WithName("UpdateUser")
            .WithSummary("Change a user's display name or grants, lock or unlock them, or reset their password (admin only)")
            .Produces<UserInfo>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteUser").WithSummary("Delete a user with their grants and tokens (admin only)")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        // Program.cs maps the users API; the role table belongs with it.
        app.MapRolesApi();
        return app;
    }

    private static async Task<IResult> ListAsync(
        AccessControl access, UserAdmin admin, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: false, out var refusal))
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, DeliveryApi.DefaultPageSize, DeliveryApi.MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await admin.ListAsync(number, size, emailContains: null, cancellationToken));
    }

    private static async Task<IResult> MeAsync(AccessControl access, UserAdmin admin, CancellationToken cancellationToken)
    {
        var current = await access.CurrentAsync(cancellationToken);
        if (current is null)
        {
            return ApiResults.Unauthorized();
        }

        return await admin.FindAsync(current.UserId, cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : AdminGate.NotFound("your account no longer exists");
    }

    private static async Task<IResult> GetAsync(string id, AccessControl access, UserAdmin admin, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: false, out var refusal))
        {
            return refusal;
        }

        return await admin.FindAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : AdminGate.NotFound($"no user {id}");
    }
}
