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
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}
