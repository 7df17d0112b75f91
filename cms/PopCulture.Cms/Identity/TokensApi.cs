namespace PopCulture.Cms.Identity;

/// <summary>API tokens: create (shown once), list, revoke.</summary>
public static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app) => app;
}
