using PopCulture.Cms.Content;

namespace PopCulture.Cms.Manager;

/// <summary>Lays <see cref="RevisionDiffer"/>'s line diff out in two columns for the manager.</summary>
public static class SideBySide
{
    /// <summary>
    /// Unchanged lines sit side by side; within each run of changes the deleted lines are paired with the inserted
    /// ones in order, so a line edited in place shows its old and new text on one row.
    /// </summary>
    public static IReadOnlyList<DiffRow> Rows(RevisionBodyDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var rows = new List<DiffRow>(diff.Lines.Count);
        var deleted = new List<RevisionBodyLine>();
        var inserted = new List<RevisionBodyLine>();
        foreach (var line in diff.Lines)
        {
            switch (line.Kind)
            {
                case "deleted":
                    deleted.Add(line);
                    break;
                case "inserted":
                    inserted.Add(line);
                    break;
                default:
                    Flush(rows, deleted, inserted);
                    rows.Add(new(line.BeforeLine, line.Text, line.AfterLine, line.Text));
                    break;
            }
        }

        Flush(rows, deleted, inserted);
        return rows;
    }

    private static void Flush(List<DiffRow> rows, List<RevisionBodyLine> deleted, List<RevisionBodyLine> inserted)
    {
        for (var i = 0; i < Math.Max(deleted.Count, inserted.Count); i++)
        {
            var before = i < deleted.Count ? deleted[i] : null;
            var after = i < inserted.Count ? inserted[i] : null;
            rows.Add(new(before?.BeforeLine, before?.Text, after?.AfterLine, after?.Text));
        }

        deleted.Clear();
        inserted.Clear();
    }
}
