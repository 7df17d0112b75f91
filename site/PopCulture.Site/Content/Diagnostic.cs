namespace PopCulture.Site.Content;

/// <summary>How bad a build problem is: errors fail the build, warnings are printed.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>One problem found in the input, located as <c>path:line</c>.</summary>
public sealed record Diagnostic(string Path, int Line, string Message, Severity Severity = Severity.Error)
{
    /// <summary>The front-matter key at fault (<c>age_months.from</c>), when there is one: APIs name it in problem details.</summary>
    public string? Field { get; init; }

    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}
