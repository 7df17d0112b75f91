using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Output;

/// <summary>Structured data for search engines: Article, Course, LearningResource, Place, WebSite.</summary>
public static class JsonLdBuilder
{
    // Keeps Chinese readable while still escaping <, > and & so the JSON cannot close its script element.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string WebSite(SiteUrls urls, string name, string description) =>
        Serialise(new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebSite",
            ["name"] = name,
            ["description"] = description,
            ["url"] = urls.BaseUrl,
            ["inLanguage"] = "zh-CN",
        });

    public static string ForItem(ContentItem item, SiteModel model, SiteUrls urls, string siteName, string description, string? image)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(model);
        var url = urls.Absolute(model.UrlOf(item));
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = TypeOf(item),
            ["name"] = item.Title,
            ["description"] = description,
            ["url"] = url,
            ["inLanguage"] = "zh-CN",
        };
        if (image is not null)
        {
            node["image"] = image;
        }

        switch (item.Fields)
        {
            case ParkFields park:
                AddPlace(node, park.District, park.Address, park.Coordinates);
                if (park.Hours is { } hours)
                {
                    node["openingHoursSpecification"] = OpeningHoursSpecification(hours);
                }

                break;
            case HallFields hall:
                AddPlace(node, hall.District, hall.Address, hall.Coordinates);
                break;
            case ProgramSiteFields site:
                AddPlace(node, site.District, site.Address, site.Coordinates);
                break;
            case CourseFields courseInfo:
                node["educationalLevel"] = courseInfo.GradeBand;
                node["audience"] = new JsonObject { ["@type"] = "Audience", ["audienceType"] = courseInfo.Audience };
                node["about"] = courseInfo.Topic;
                node["provider"] = Organisation(siteName, urls);
                break;
            case LessonFields lesson:
                node["learningResourceType"] = "课时";
                node["teaches"] = new JsonArray([.. lesson.Objectives.Select(o => (JsonNode?)JsonValue.Create(o))]);
                if (model.CourseOf(item) is { } course)
                {
                    node["isPartOf"] = new JsonObject
                    {
                        ["@type"] = "Course",
                        ["name"] = course.Title,
                        ["url"] = urls.Absolute(model.UrlOf(course)),
                    };
                    if (course.Fields is CourseFields courseFields)
                    {
                        node["educationalLevel"] = courseFields.GradeBand;
                        node["audience"] = new JsonObject { ["@type"] = "Audience", ["audienceType"] = courseFields.Audience };
                    }
                }

                break;
            case ParentingLessonFields parenting:
                node["learningResourceType"] = "科学育儿指导";
                node["about"] = parenting.Domain;
                node["typicalAgeRange"] = string.Create(CultureInfo.InvariantCulture, $"{parenting.AgeMonths.From}-{parenting.AgeMonths.To} 月龄");
                node["audience"] = new JsonObject { ["@type"] = "Audience", ["audienceType"] = "家长" };
                break;
        }

        if (item.Type is ContentTypes.Article or ContentTypes.Page)
        {
            node["headline"] = item.Title;
            node["publisher"] = Organisation(siteName, urls);
        }

        if (item.Date is { } date)
        {
            node[item.Type == ContentTypes.Article ? "datePublished" : "dateCreated"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (item.Updated is { } updated)
        {
            node["dateModified"] = updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return Serialise(node);
    }

    private static string TypeOf(ContentItem item) =>
        item.Type switch
        {
            ContentTypes.Park or ContentTypes.Hall or ContentTypes.ProgramSite => "Place",
            ContentTypes.Course => "Course",
            ContentTypes.Lesson or ContentTypes.ParentingLesson => "LearningResource",
            ContentTypes.Page => "WebPage",
            _ => "Article",
        };

    private static void AddPlace(JsonObject node, string district, string? address, Coordinates coordinates)
    {
        node["address"] = new JsonObject
        {
            ["@type"] = "PostalAddress",
            ["addressLocality"] = "苏州市",
            ["addressRegion"] = "江苏省",
            ["addressCountry"] = "CN",
            ["streetAddress"] = address is null ? district : $"{district}{address}",
        };
        node["geo"] = new JsonObject
        {
            ["@type"] = "GeoCoordinates",
            ["latitude"] = coordinates.Lat,
            ["longitude"] = coordinates.Lng,
        };
    }

    private static readonly string[] SchemaDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>
    /// The structured hours as schema.org reads them: one specification per distinct time range, listing the days it
    /// applies to (so "always" is one entry for all seven days, 00:00–23:59, the form search engines take for 24 hours).
    /// </summary>
    private static JsonArray OpeningHoursSpecification(OpeningHours hours)
    {
        var days = new Dictionary<TimeRange, List<string>>();
        for (var d = 0; d < hours.Days.Count; d++)
        {
            foreach (var range in hours.Days[d])
            {
                if (!days.TryGetValue(range, out var list))
                {
                    days[range] = list = [];
                }

                list.Add("https://schema.org/" + SchemaDays[d]);
            }
        }

        return new JsonArray([.. days.OrderBy(p => p.Key.From).ThenBy(p => p.Key.To).Select(p => (JsonNode?)new JsonObject
        {
            ["@type"] = "OpeningHoursSpecification",
            ["dayOfWeek"] = new JsonArray([.. p.Value.Select(d => (JsonNode?)JsonValue.Create(d))]),
            ["opens"] = Clock(p.Key.From),
            ["closes"] = Clock(Math.Min(p.Key.To, (24 * 60) - 1)),
        })]);
    }

    private static string Clock(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");

    private static JsonObject Organisation(string name, SiteUrls urls) =>
        new() { ["@type"] = "GovernmentOrganization", ["name"] = name, ["url"] = urls.BaseUrl };

    private static string Serialise(JsonObject node) => node.ToJsonString(Options);
}
