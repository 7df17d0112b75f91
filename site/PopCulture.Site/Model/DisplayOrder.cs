using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>
/// The order items are listed in: explicit weight first, then by age for parenting lessons and by course order for
/// lessons, then newest first, then by title.
/// </summary>
public sealed class DisplayOrder : IComparer<ContentItem>
{
    public static readonly DisplayOrder Instance = new();

    public int Compare(ContentItem? x, ContentItem? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // Weight 0 means "not weighted" and sorts after every weighted item.
        var weight = (x.Weight == 0 ? int.MaxValue : x.Weight).CompareTo(y.Weight == 0 ? int.MaxValue : y.Weight);
        if (weight != 0)
        {
            return weight;
        }

        var typed = (x.Fields, y.Fields) switch
        {
            (ParentingLessonFields a, ParentingLessonFields b) => Compare(a, b),
            (LessonFields a, LessonFields b) => a.Order.CompareTo(b.Order),
            _ => 0,
        };
        if (typed != 0)
        {
            return typed;
        }

        var date = Nullable.Compare(y.Date, x.Date);
        return date != 0 ? date : string.CompareOrdinal(x.Title, y.Title) is var title && title != 0
            ? title
            : string.CompareOrdinal(x.SourcePath, y.SourcePath);
    }

    private static int Compare(ParentingLessonFields a, ParentingLessonFields b)
    {
        var from = a.AgeMonths.From.CompareTo(b.AgeMonths.From);
        if (from != 0)
        {
            return from;
        }

        var domains = Vocabulary.ParentingDomains;
        return IndexOf(domains, a.Domain).CompareTo(IndexOf(domains, b.Domain));
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return list.Count;
    }
}
