using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>One series of one section (<c>/parenting/series/yuleyuan/</c>) and its lessons in episode order.</summary>
public sealed record SeriesEpisodes(ParentingSeries Series, string Section, string Url, IReadOnlyList<ContentItem> Episodes)
{
    /// <summary>The series' key in <see cref="SiteModel.Series"/> and in the build cache's facts.</summary>
    public string Key => SiteModel.SeriesKey(Section, Series.Slug);

    /// <summary>True when any episode is a sample entry: the running order is then illustrative too. Worked out once.</summary>
    public bool Sample { get; } = Episodes.Any(e => e.Sample);

    /// <summary>Where <paramref name="lesson"/> is in <see cref="Episodes"/>, or -1: a binary search by episode number, so
    /// every episode page finding its neighbours stays linear in the size of the series.</summary>
    public int IndexOf(ContentItem lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        if (lesson.Fields is not ParentingLessonFields { Episode: { } episode })
        {
            return -1;
        }

        int low = 0, high = Episodes.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var at = SeriesLinker.EpisodeOf(Episodes[middle]);
            if (at == episode)
            {
                // An episode number used twice is a build error; still answer for the lesson itself.
                return ReferenceEquals(Episodes[middle], lesson) ? middle : LinearIndexOf(lesson);
            }

            if (at < episode)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private int LinearIndexOf(ContentItem lesson)
    {
        for (var i = 0; i < Episodes.Count; i++)
        {
            if (ReferenceEquals(Episodes[i], lesson))
            {
                return i;
            }
        }

        return -1;
    }
}
