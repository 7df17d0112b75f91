namespace PopCulture.Cms.Manager;

/// <summary>
/// One row of a side-by-side body diff: the old line on the left, the new one on the right; either side is empty
/// where a line was only deleted or only added.
/// </summary>
public sealed record DiffRow(int? BeforeLine, string? Before, int? AfterLine, string? After)
{
    public bool Changed => BeforeLine is null || AfterLine is null || !string.Equals(Before, After, StringComparison.Ordinal);
}
