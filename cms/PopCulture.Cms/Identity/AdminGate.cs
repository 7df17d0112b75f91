using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Identity;

/// <summary>The check in front of the admin-only APIs: signed in, an admin, and for changes a write-scoped token.</summary>
public static class AdminGate
{
    /// <summary>True, with the 401 or 403 to answer, when <paramref name="user"/> may not go on.</summary>
    public static bool Refused([NotNullWhen(false)] CmsPrincipal? user, bool writes, [NotNullWhen(true)] out IResult? refusal)
    {
        refusal = user is null ? ApiResults.Unauthorized()
            : !user.IsAdmin ? Forbidden("only admins may do this")
            : writes && !user.CanWrite ? Forbidden("a read-only token may look but not change anything")
            : null;
        return refusal is not null;
    }

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: detail);

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(statusCode: 404, title: "Not Found", detail: detail);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: detail);
}
