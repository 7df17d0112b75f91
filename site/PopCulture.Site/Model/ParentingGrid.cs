using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>
/// Parenting lessons as a table: one row per age band in age order, one column per domain in vocabulary order, each
/// cell the lessons of that band and domain in display order. One pass over the lessons.
/// </summary>
public static class ParentingGrid
{
    public static IReadOnlyList<ParentingGridRow> Build(IEnumerable<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var bands = Vocabulary.AgeBands;
        var domains = Vocabulary.ParentingDomains;
        var cells = new List<ContentItem>[bands.Count, domains.Count];
        foreach (var item in items.Where(i => i.Fields is ParentingLessonFields).Order(DisplayOrder.Instance))
        {
            var fields = (ParentingLessonFields)item.Fields!;
            var row = IndexOf(bands, b => b.Label == fields.AgeBand);
            var column = IndexOf(domains, d => d == fields.Domain);
            if (row >= 0 && column >= 0)
            {
                (cells[row, column] ??= []).Add(item);
            }
        }

        var rows = new List<ParentingGridRow>(bands.Count);
        for (var row = 0; row < bands.Count; row++)
        {
            var line = new List<ParentingGridCell>(domains.Count);
            for (var column = 0; column < domains.Count; column++)
            {
                line.Add(new ParentingGridCell(domains[column], cells[row, column] ?? []));
            }

            rows.Add(new ParentingGridRow(bands[row], line));
        }

        return rows;
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
