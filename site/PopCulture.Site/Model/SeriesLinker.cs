using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>
/// Groups the parenting lessons of each series (per section) in episode order, reporting an episode number used twice
/// with the line of both lessons' <c>episode</c>.
/// </summary>
internal static class SeriesLinker
{
    public static Dictionary<string, SeriesEpisodes> Link(IEnumerable<ContentItem> items, DiagnosticBag diagnostics)
    {
        var groups = new Dictionary<string, List<ContentItem>>(StringComparer.Ordinal);
        var series = new Dictionary<string, ParentingSeries>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Fields is not ParentingLessonFields { Series: { } name, Episode: not null } || Vocabulary.FindSeries(name) is not { } known)
            {
                continue;
            }

            var key = SiteModel.SeriesKey(item.Section, known.Slug);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                series[key] = known;
            }

            list.Add(item);
        }

        var linked = new Dictionary<string, SeriesEpisodes>(StringComparer.Ordinal);
        foreach (var (key, list) in groups)
        {
            list.Sort((a, b) => EpisodeOf(a).CompareTo(EpisodeOf(b)) is var byEpisode and not 0
                ? byEpisode
                : string.CompareOrdinal(a.SourcePath, b.SourcePath));
            for (var i = 1; i < list.Count; i++)
            {
                if (EpisodeOf(list[i]) == EpisodeOf(list[i - 1]))
                {
                    diagnostics.Error(list[i].SourcePath, list[i].LineOf("episode"),
                        $"episode {EpisodeOf(list[i])} of '{series[key].Name}' is already {list[i - 1].SourcePath}");
                }
            }

            var section = key[..key.IndexOf('/', StringComparison.Ordinal)];
            linked[key] = new SeriesEpisodes(series[key], section, SiteModel.SeriesUrl(section, series[key].Slug), list);
        }

        return linked;
    }

    internal static int EpisodeOf(ContentItem item) => ((ParentingLessonFields)item.Fields!).Episode!.Value;
}
