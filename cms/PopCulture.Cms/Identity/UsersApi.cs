using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
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
        AccessControl access, CmsDbContext db, TimeProvider clock, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
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

        var total = await db.Users.CountAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var ids = rows.Select(u => u.Id).ToList();
        var grants = (await db.Grants.AsNoTracking().Where(g => ids.Contains(g.UserId)).ToListAsync(cancellationToken)).ToLookup(g => g.UserId);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new Page<UserInfo>([.. rows.Select(u => UserInfo.From(u, grants[u.Id], now))], number, size, total));
    }

    private static async Task<IResult> MeAsync(AccessControl access, CmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = await access.CurrentAsync(cancellationToken);
        if (current is null)
        {
            return ApiResults.Unauthorized();
        }

        return await FindAsync(db, current.UserId, clock.GetUtcNow(), cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : AdminGate.NotFound("your account no longer exists");
    }

    private static async Task<IResult> GetAsync(string id, AccessControl access, CmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: false, out var refusal))
        {
            return refusal;
        }

        return await FindAsync(db, id, clock.GetUtcNow(), cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : AdminGate.NotFound($"no user {id}");
    }

    private static async Task<UserInfo?> FindAsync(CmsDbContext db, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var grants = await db.Grants.AsNoTracking().Where(g => g.UserId == id).ToListAsync(cancellationToken);
        return UserInfo.From(user, grants, now);
    }
}
