using System.Text;
using System.Text.RegularExpressions;
using PopCulture.Site.Content;

namespace PopCulture.Site.Search;

/// <summary>The searchable text of an item, by field, as plain text; drawn only from the item itself so its analysis can be cached by its source hash.</summary>
public sealed partial record DocumentText(string Title, string Tags, string Headings, string Body)
{
    public static DocumentText Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var tags = new List<string>(item.Tags);
        tags.AddRange(item.Categories);

        // Slugs are English or pinyin words chosen by editors: they make mixed queries (sleep 睡眠) meaningful.
        tags.AddRange(item.Slug.Split('-').Where(w => w.Any(char.IsAsciiLetter)));
        var headings = new StringBuilder();
        switch (item.Fields)
        {
            case ParkFields park:
                tags.AddRange([park.District, park.Town ?? "", park.Level]);
                foreach (var exhibit in park.Exhibits)
                {
                    headings.Append(exhibit.Name).Append('\n');
                }

                break;
            case HallFields hall:
                tags.Add(hall.District);
                break;
            case ProgramSiteFields site:
                tags.AddRange([site.District, site.Kind, .. site.Services]);
                break;
            case ParentingLessonFields lesson:
                tags.AddRange([lesson.AgeBand, lesson.Domain]);
                break;
            case CourseFields course:
                tags.AddRange([course.Audience, course.GradeBand, course.Topic]);
                headings.AppendJoin('\n', course.Objectives).Append('\n');
                break;
            case LessonFields lesson:
                tags.Add(lesson.Topic ?? "");
                headings.AppendJoin('\n', lesson.Objectives).Append('\n');
                break;
            default:
                break;
        }

        var body = new StringBuilder(item.Summary ?? "").Append('\n');
        foreach (var line in item.Body.Split('\n'))
        {
            var heading = HeadingLine().Match(line);
            if (heading.Success)
            {
                headings.Append(PlainText(heading.Groups[1].Value)).Append('\n');
            }
            else
            {
                body.Append(PlainText(line)).Append('\n');
            }
        }

        AppendFieldText(item.Fields, body);
        return new DocumentText(item.Title, string.Join('\n', tags), headings.ToString(), body.ToString());
    }

    /// <summary>The text the browser highlights in a result: the summary, or the start of the body.</summary>
    public static string Snippet(ContentItem item, int maxChars = 200)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!string.IsNullOrWhiteSpace(item.Summary))
        {
            return item.Summary.Trim();
        }

        var text = new StringBuilder();
        foreach (var line in item.Body.Split('\n'))
        {
            if (!HeadingLine().IsMatch(line) && PlainText(line).Trim() is { Length: > 0 } plain)
            {
                text.Append(plain).Append(' ');
                if (text.Length > maxChars)
                {
                    break;
                }
            }
        }

        var snippet = text.ToString().Trim();
        return snippet.Length <= maxChars ? snippet : string.Concat(snippet.AsSpan(0, maxChars - 1), "…");
    }

    private static void AppendFieldText(ItemFields? fields, StringBuilder body)
    {
        switch (fields)
        {
            case ParkFields park:
                body.Append(park.Address).Append('\n').Append(park.OpeningHours).Append('\n');
                body.AppendJoin('\n', park.Exhibits.Select(e => e.Description ?? ""));
                break;
            case HallFields hall:
                body.Append(hall.Address).Append('\n').Append(hall.OpeningHours).Append('\n').Append(hall.Booking);
                break;
            case ProgramSiteFields site:
                body.Append(site.Address).Append('\n').Append(site.OpeningHours);
                break;
            case LessonFields lesson:
                body.Append(lesson.TeacherNotes).Append('\n');
                body.AppendJoin('\n', lesson.Quiz.Select(q => q.Question + " " + string.Join(' ', q.Options)));
                break;
            default:
                break;
        }
    }

    /// <summary>Markdown reduced to its words: link and image text kept, targets, tags and markup dropped.</summary>
    private static string PlainText(string markdown) =>
        markdown.Contains('[', StringComparison.Ordinal) || markdown.Contains('<', StringComparison.Ordinal)
            ? HtmlTag().Replace(Link().Replace(markdown, "$1"), " ")
            : markdown;

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTag();
}
