using System.Text.Json.Nodes;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>Derives the stored, filterable forms of an item from its validated content.</summary>
public static class EntryMapping
{
    /// <summary>The live row for an entry, with the facets and terms the delivery API filters on.</summary>
    public static PublishedEntry ToPublished(ContentEntry entry, ContentItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(item);
        var published = new PublishedEntry
        {
            Id = entry.Id,
            Section = entry.Section,
            Slug = entry.Slug,
            Type = item.Type,
            Title = item.Title,
            Summary = item.Summary,
            Date = item.Date,
            Updated = item.Updated,
            Weight = item.Weight,
            ContentPath = entry.ContentPath,
            FrontMatter = entry.FrontMatter,
            Body = entry.Body,
            Revision = entry.Revision,
            PublishedAt = now,
        };
        ApplyFacets(published, item.Fields);
        published.Terms.AddRange(item.Tags.Distinct().Select(t => new PublishedTerm { EntryId = entry.Id, Taxonomy = "tags", Term = t, Section = entry.Section }));
        published.Terms.AddRange(item.Categories.Distinct().Select(t => new PublishedTerm { EntryId = entry.Id, Taxonomy = "categories", Term = t, Section = entry.Section }));
        return published;
    }

    /// <summary>The <see cref="ContentEntry.Tags"/> column for an item's tags.</summary>
    public static string TagColumn(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Tags.Count == 0 ? "" : "|" + string.Join('|', item.Tags.Distinct()) + "|";
    }

    /// <summary>The tags stored in a <see cref="ContentEntry.Tags"/> column.</summary>
    public static IReadOnlyList<string> TagList(string column) =>
        string.IsNullOrEmpty(column) ? [] : column.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The facet names the delivery API accepts as <c>facet.&lt;name&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> FacetNames = ["district", "age_band", "domain", "audience", "grade_band", "kind", "level"];

    private static void ApplyFacets(PublishedEntry published, ItemFields? fields)
    {
        switch (fields)
        {
            case ParkFields park:
                published.District = park.District;
                published.Level = park.Level;
                break;
            case HallFields hall:
                published.District = hall.District;
                break;
            case ProgramSiteFields site:
                published.District = site.District;
                published.Kind = site.Kind;
                break;
            case ParentingLessonFields lesson:
                published.AgeBand = lesson.AgeBand;
                published.Domain = lesson.Domain;
                break;
            case CourseFields course:
                published.Audience = course.Audience;
                published.GradeBand = course.GradeBand;
                break;
        }
    }

    /// <summary>Re-reads a stored entry as a content item (for builds and deliveries): stored data is validated data.</summary>
    public static ContentItem ToItem(string section, string slug, string contentPath, string frontMatter, string body)
    {
        var json = JsonNode.Parse(frontMatter) as JsonObject ?? [];
        var result = ContentValidator.Validate(section, slug, json, body, contentPath);
        return result.Item ?? throw new InvalidOperationException(
            $"stored entry {section}/{slug} no longer validates: {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
    }
}
