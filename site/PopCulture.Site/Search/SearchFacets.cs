using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Search;

/// <summary>The filters of the search page, from the content model: section, type, age band, domain, audience, grade band, district, tag.</summary>
public static class SearchFacets
{
    /// <summary>Facet keys (URL parameters), in display order.</summary>
    public static readonly IReadOnlyList<string> Order = ["section", "type", "age", "domain", "audience", "grade", "district", "tag"];

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["section"] = "栏目", ["type"] = "类型", ["age"] = "月龄段", ["domain"] = "领域",
        ["audience"] = "对象", ["grade"] = "学段", ["district"] = "地区", ["tag"] = "标签",
    };

    /// <summary>How a type is named to readers.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypeLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ContentTypes.Article] = "文章", [ContentTypes.Page] = "页面", [ContentTypes.Park] = "人口文化园",
        [ContentTypes.Hall] = "青少年健康教育馆", [ContentTypes.ProgramSite] = "育儿指导站点",
        [ContentTypes.ParentingLesson] = "育儿课程", [ContentTypes.Course] = "青春期课程", [ContentTypes.Lesson] = "课时",
        ["section"] = "栏目首页",
    };

    /// <summary>The facet values of one item, as (key, value) pairs; a lesson takes its course's audience and grade band.</summary>
    public static IEnumerable<(string Key, string Value)> Of(SiteModel model, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Section.Length > 0)
        {
            yield return ("section", item.Section);
        }

        yield return ("type", TypeOf(item));
        var course = item.Fields is LessonFields ? model.CourseOf(item)?.Fields as CourseFields : item.Fields as CourseFields;
        if (course is not null)
        {
            yield return ("audience", course.Audience);
            yield return ("grade", course.GradeBand);
        }

        switch (item.Fields)
        {
            case ParentingLessonFields lesson:
                yield return ("age", lesson.AgeBand);
                yield return ("domain", lesson.Domain);
                break;
            case ParkFields park:
                yield return ("district", park.District);
                break;
            case HallFields hall:
                yield return ("district", hall.District);
                break;
            case ProgramSiteFields site:
                yield return ("district", site.District);
                break;
            default:
                break;
        }

        foreach (var tag in item.Tags.Distinct(StringComparer.Ordinal))
        {
            yield return ("tag", tag);
        }
    }

    public static string TypeOf(ContentItem item) => item is { IsIndex: true } ? "section" : item.Type;
}
