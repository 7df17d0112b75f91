using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>Routes a content snapshot into a <see cref="SiteModel"/>, reporting duplicate URLs and broken relations.</summary>
public static class SiteModelBuilder
{
    private static readonly (string Name, string Label)[] TaxonomyNames = [("tags", "标签"), ("categories", "分类")];

    public static SiteModel Build(ContentSnapshot snapshot, bool includeDrafts, int pageSize, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var items = snapshot.Items.Where(i => includeDrafts || !i.Draft).ToList();

        var urls = new Dictionary<ContentItem, string>(ReferenceEqualityComparer.Instance);
        var owners = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        var sourceUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        var published = new List<ContentItem>(items.Count);
        foreach (var item in items)
        {
            var url = SiteUrls.ItemPath(item.Section, item.Slug);
            if (owners.TryGetValue(url, out var owner))
            {
                // Name both files: either may be the one to rename.
                diagnostics.Error(item.SourcePath, SlugLine(item), $"duplicate URL {url}: {owner.SourcePath} is published there too");
                diagnostics.Error(owner.SourcePath, SlugLine(owner), $"duplicate URL {url}: {item.SourcePath} is published there too");
                continue;
            }

            owners[url] = item;
            urls[item] = url;
            sourceUrls[item.ContentPath] = url;
            published.Add(item);
        }

        var mediaUrls = RouteMedia(snapshot.Media, published, urls);
        var (courses, lessons) = LinkCourses(published, diagnostics);
        var parenting = published
            .Where(i => i.Fields is ParentingLessonFields)
            .GroupBy(i => ((ParentingLessonFields)i.Fields!).AgeBand, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ContentItem>)[.. g.Order(DisplayOrder.Instance)], StringComparer.Ordinal);

        var series = SeriesLinker.Link(published, diagnostics);
        var sections = BuildSections(published, urls);
        var pages = BuildPages(published, sections, urls, pageSize, owners, diagnostics);
        AddSeriesPages(pages, series.Values, sections, owners, diagnostics);
        return new SiteModel(published, sections, pages, urls, sourceUrls, mediaUrls, courses, lessons, parenting, series);
    }

    /// <summary>
    /// Series pages sit under their section's <c>series/</c>, which no item's URL can reach (slugs hold no '/'), and
    /// <c>series/</c> itself lists them, unless an item took the slug <c>series</c>: that is an error on the item.
    /// </summary>
    private static void AddSeriesPages(
        List<OutputPage> pages, IEnumerable<SeriesEpisodes> series, List<Section> sections, Dictionary<string, ContentItem> owners, DiagnosticBag diagnostics)
    {
        foreach (var group in series.GroupBy(s => s.Section, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var section = sections.FirstOrDefault(s => s.Name == group.Key);
            var index = SiteModel.SeriesIndexUrl(group.Key);
            if (owners.TryGetValue(index, out var owner))
            {
                diagnostics.Error(owner.SourcePath, SlugLine(owner), $"{index} lists this section's series: give this item another slug");
            }
            else
            {
                pages.Add(new OutputPage(PageKind.SeriesIndex, index, $"{section?.Title ?? group.Key}：系列节目") { Section = section });
            }

            foreach (var one in group.OrderBy(s => s.Url, StringComparer.Ordinal))
            {
                pages.Add(new OutputPage(PageKind.Series, one.Url, one.Series.Title)
                {
                    Section = section,
                    Series = one,
                    Items = one.Episodes,
                });
            }
        }
    }

    /// <summary>The folder under a park's page where its printable sign is published.</summary>
    public const string SignSegment = "sign";

    private static int SlugLine(ContentItem item) => item.KeyLines.ContainsKey("slug") ? item.LineOf("slug") : 1;

    private static Dictionary<string, string> RouteMedia(
        IReadOnlyDictionary<string, MediaFile> media, List<ContentItem> items, Dictionary<ContentItem, string> urls)
    {
        // A bundle's files are published beside its page, which follows a slug override.
        var bundles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.BundlePath is { } folder && item.ContentPath.EndsWith("/index.md", StringComparison.Ordinal))
            {
                bundles[folder] = urls[item];
            }
        }

        var routed = new Dictionary<string, string>(media.Count, StringComparer.Ordinal);
        foreach (var key in media.Keys)
        {
            var second = key.IndexOf('/', key.IndexOf('/', StringComparison.Ordinal) + 1);
            routed[key] = second > 0 && bundles.TryGetValue(key[..second], out var pageUrl)
                ? pageUrl + key[(second + 1)..]
                : "/" + key;
        }

        return routed;
    }

    private static (Dictionary<string, ContentItem> Courses, Dictionary<ContentItem, IReadOnlyList<ContentItem>> Lessons) LinkCourses(
        List<ContentItem> items, DiagnosticBag diagnostics)
    {
        var courses = items
            .Where(i => i.Type == ContentTypes.Course)
            .ToDictionary(i => SiteModel.CourseKey(i.Section, i.Slug), StringComparer.Ordinal);
        var lessons = new Dictionary<ContentItem, List<ContentItem>>(ReferenceEqualityComparer.Instance);
        foreach (var lesson in items.Where(i => i.Fields is LessonFields))
        {
            var fields = (LessonFields)lesson.Fields!;
            if (!courses.TryGetValue(SiteModel.CourseKey(lesson.Section, fields.Course), out var course))
            {
                diagnostics.Error(lesson.SourcePath, lesson.LineOf("course"),
                    $"course '{fields.Course}' does not exist in section '{lesson.Section}'");
                continue;
            }

            if (!lessons.TryGetValue(course, out var list))
            {
                lessons[course] = list = [];
            }

            list.Add(lesson);
        }

        var ordered = new Dictionary<ContentItem, IReadOnlyList<ContentItem>>(ReferenceEqualityComparer.Instance);
        foreach (var (course, list) in lessons)
        {
            list.Sort((a, b) => ((LessonFields)a.Fields!).Order.CompareTo(((LessonFields)b.Fields!).Order));
            for (var i = 1; i < list.Count; i++)
            {
                if (((LessonFields)list[i].Fields!).Order == ((LessonFields)list[i - 1].Fields!).Order)
                {
                    diagnostics.Error(list[i].SourcePath, list[i].LineOf("order"),
                        $"order {((LessonFields)list[i].Fields!).Order} is already used by {list[i - 1].SourcePath} in course '{course.Slug}'");
                }
            }

            ordered[course] = list;
        }

        return (courses, ordered);
    }

    private static List<Section> BuildSections(List<ContentItem> items, Dictionary<ContentItem, string> urls)
    {
        var sections = new List<Section>();
        foreach (var group in items.Where(i => i.Section.Length > 0).GroupBy(i => i.Section, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var index = group.FirstOrDefault(i => i.IsIndex);
            var listed = group.Where(i => !i.IsIndex && i.Type != ContentTypes.Lesson).Order(DisplayOrder.Instance).ToList();
            var sectionUrl = $"/{group.Key}/";
            var taxonomies = new List<Taxonomy>();
            foreach (var (name, label) in TaxonomyNames)
            {
                var terms = new Dictionary<string, (string Name, List<ContentItem> Items)>(StringComparer.Ordinal);
                foreach (var item in group.Where(i => !i.IsIndex).Order(DisplayOrder.Instance))
                {
                    foreach (var term in name == "tags" ? item.Tags : item.Categories)
                    {
                        var segment = SiteUrls.TermSegment(term);
                        if (!terms.TryGetValue(segment, out var entry))
                        {
                            terms[segment] = entry = (term, []);
                        }

                        entry.Items.Add(item);
                    }
                }

                if (terms.Count > 0)
                {
                    var taxonomyUrl = $"{sectionUrl}{name}/";
                    taxonomies.Add(new Taxonomy(name, label, taxonomyUrl, [.. terms
                        .OrderByDescending(t => t.Value.Items.Count)
                        .ThenBy(t => t.Key, StringComparer.Ordinal)
                        .Select(t => new Term(t.Value.Name, $"{taxonomyUrl}{t.Key}/", t.Value.Items))]));
                }
            }

            sections.Add(new Section(group.Key, sectionUrl, index, listed, taxonomies));
        }

        return sections;
    }

    private static List<OutputPage> BuildPages(
        List<ContentItem> items,
        List<Section> sections,
        Dictionary<ContentItem, string> urls,
        int pageSize,
        Dictionary<string, ContentItem> owners,
        DiagnosticBag diagnostics)
    {
        var pages = new List<OutputPage>(items.Count + (sections.Count * 4) + 2);
        var home = items.FirstOrDefault(i => i.IsIndex && i.Section.Length == 0);
        pages.Add(new OutputPage(PageKind.Home, "/", home?.Title ?? "") { Item = home });
        pages.Add(new OutputPage(PageKind.NotFound, "/404.html", "页面未找到"));
        pages.Add(new OutputPage(PageKind.Search, "/search/", "搜索"));

        foreach (var section in sections)
        {
            pages.AddRange(Paged(PageKind.Section, section.Url, section.Title, section.Items, pageSize, section, null, null));
            foreach (var taxonomy in section.Taxonomies)
            {
                pages.Add(new OutputPage(PageKind.Terms, taxonomy.Url, $"{section.Title} · {taxonomy.Label}")
                {
                    Section = section,
                    Taxonomy = taxonomy,
                });
                foreach (var term in taxonomy.Terms)
                {
                    pages.AddRange(Paged(PageKind.Term, term.Url, term.Name, term.Items, pageSize, section, taxonomy, term));
                }
            }
        }

        var sectionsByName = sections.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var item in items.Where(i => !i.IsIndex))
        {
            var section = sectionsByName.GetValueOrDefault(item.Section);
            var url = urls[item];
            pages.Add(new OutputPage(PageKind.Item, url, item.Title) { Item = item, Section = section });
            if (item.Fields is LessonFields lesson)
            {
                foreach (var handout in lesson.Handouts.Where(h => h.Src.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
                {
                    var handoutUrl = url + Path.GetFileNameWithoutExtension(handout.Src) + "/";
                    if (owners.ContainsKey(handoutUrl))
                    {
                        diagnostics.Error(item.SourcePath, item.LineOf("handouts"), $"handout {handout.Src} would be published at {handoutUrl}, which is taken");
                        continue;
                    }

                    pages.Add(new OutputPage(PageKind.Handout, handoutUrl, handout.Title) { Item = item, Section = section, Handout = handout });
                }
            }

            if (item.Fields is ParkFields)
            {
                // The sign to print and post at the park: its QR code large, the address and the hours.
                var signUrl = url + SignSegment + "/";
                if (owners.ContainsKey(signUrl))
                {
                    diagnostics.Error(item.SourcePath, SlugLine(item), $"the park's printable sign is published at {signUrl}, which is taken");
                    continue;
                }

                pages.Add(new OutputPage(PageKind.Sign, signUrl, $"{item.Title} · 二维码标牌") { Item = item, Section = section });
            }
        }

        return pages;
    }

    private static IEnumerable<OutputPage> Paged(
        PageKind kind, string url, string title, IReadOnlyList<ContentItem> items, int pageSize, Section section, Taxonomy? taxonomy, Term? term)
    {
        var count = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        for (var number = 1; number <= count; number++)
        {
            var slice = items.Skip((number - 1) * pageSize).Take(pageSize).ToList();
            yield return new OutputPage(kind, number == 1 ? url : $"{url}page/{number}/", title)
            {
                Section = section,
                Taxonomy = taxonomy,
                Term = term,
                Items = slice,
                PageNumber = number,
                PageCount = count,
                ListUrl = url,
            };
        }
    }
}
