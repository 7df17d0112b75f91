using Microsoft.AspNetCore.Http.HttpResults;

namespace PopCulture.Cms.Infrastructure;

/// <summary>Turns service outcomes into RFC 7807 responses.</summary>
public static class ApiResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(ok);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => ok(outcome.Value!),
            OutcomeKind.NotFound => TypedResults.Problem(statusCode: 404, title: "Not Found", detail: outcome.Message ?? "no such entry, or not one you may see"),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
            OutcomeKind.Conflict => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message),
            OutcomeKind.Forbidden => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: outcome.Message),
            OutcomeKind.TooLarge => TypedResults.Problem(statusCode: 413, title: "Payload Too Large", detail: outcome.Message),
            _ => throw new InvalidOperationException($"unknown outcome {outcome.Kind}"),
        };
    }

    /// <summary>401 when no one is signed in; used by handlers that resolve the user themselves.</summary>
    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: "sign in or send a bearer token");
}
