using Microsoft.AspNetCore.Identity;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Identity;

/// <summary><c>POST /api/v1/auth/token</c>: email and password in, a short-lived bearer token out. Rate-limited, locks out.</summary>
public static class AuthApi
{
    public const string LoginRateLimit = "login";

    /// <summary>Email and password of a CMS user.</summary>
    public sealed record TokenRequest(string? Email, string? Password);

    /// <summary>A bearer token for the <c>Authorization</c> header, and when it stops working.</summary>
    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueAsync)
            .WithTags("Auth")
            .WithName("IssueToken")
            .WithSummary("Exchange email and password for a bearer token valid for one hour")
            .AllowAnonymous()
            .RequireRateLimiting(LoginRateLimit)
            .Produces<TokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(401)
            .ProducesProblem(429);
        return app;
    }

    private static async Task<IResult> IssueAsync(
        TokenRequest request, UserManager<CmsUser> users, SignInManager<CmsUser> signIn, TokenService tokens, AuditLog audit, CmsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 256)
        {
            errors["email"] = ["email is required"];
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > 256)
        {
            errors["password"] = ["password is required"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await users.FindByEmailAsync(request.Email!.Trim());
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            audit.Record("auth.failed", request.Email, result.IsLockedOut ? "locked out" : "wrong email or password", user?.Id, request.Email);
            await db.SaveChangesAsync(cancellationToken);
            // One answer for unknown user, wrong password and lockout, so the endpoint does not reveal which emails exist.
            return TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: "wrong email or password, or the account is locked for a while");
        }

        var (token, secret) = await tokens.IssueAsync(user!.Id, "sign-in", "write", TokenService.SessionLifetime, isSession: true, cancellationToken);
        audit.Record("auth.token", user.Email, "signed in with password", user.Id, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(secret, token.ExpiresAt));
    }
}
