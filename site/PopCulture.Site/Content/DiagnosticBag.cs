namespace PopCulture.Site.Content;

/// <summary>Collects problems from every stage (safe to use from parallel renders) so one run reports them all.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public void Error(string path, int line, string message) => Add(new Diagnostic(path, line, message));

    public void Warning(string path, int line, string message) =>
        Add(new Diagnostic(path, line, message, Severity.Warning));

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_gate)
        {
            _items.AddRange(diagnostics);
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.Severity == Severity.Error);
            }
        }
    }

    /// <summary>All problems so far, ordered by file and line so the report reads top to bottom.</summary>
    public IReadOnlyList<Diagnostic> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items
                .Distinct()
                .OrderBy(d => d.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Line)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }
}
