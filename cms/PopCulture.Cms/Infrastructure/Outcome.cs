namespace PopCulture.Cms.Infrastructure;

/// <summary>How a service call went, for the API layer to turn into a status code and problem details.</summary>
public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
    TooLarge,
}

/// <summary>A service result: a value, or why there is none.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Outcome<T>.Ok(value) reads better at call sites than a separate non-generic factory.")]
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, IDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound);

    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, Message: message);

    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, Message: message);

    public static Outcome<T> TooLarge(string message) => new(OutcomeKind.TooLarge, Message: message);

    public static Outcome<T> Invalid(IDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, Errors: errors);

    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The same failure for another value type.</summary>
    public Outcome<TOther> As<TOther>() => new(Kind, default, Errors, Message);
}
