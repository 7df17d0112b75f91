namespace PopCulture.Cms.Identity;

/// <summary>Users and their role grants (admin only).</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app) => app;
}
