using System.Text.RegularExpressions;

namespace PopCulture.Site.Content;

/// <summary>Turns the text of one Markdown file into a validated <see cref="ContentItem"/>.</summary>
public static partial class ItemParser
{
    /// <summary>Where a file sits: its section, default slug, and whether it is an index or a bundle.</summary>
    public sealed record Location(string SourcePath, string Section, string Slug, bool IsIndex, string? BundlePath)
    {
        /// <summary>The path inside the content root; defaults to the source path without its first folder.</summary>
        public string ContentPath { get; init; } =
            SourcePath.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? SourcePath[(slash + 1)..] : SourcePath;
    }

    /// <summary>Parses one file; returns null when the file has errors severe enough that no item can be made.</summary>
    public static ContentItem? Parse(Location location, string text, DiagnosticBag diagnostics)
    {
        var path = location.SourcePath;
        var frontMatter = FrontMatter.Parse(path, text, diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        if (frontMatter.Yaml is null)
        {
            diagnostics.Error(path, 1, "missing front matter: a content file starts with '---', its YAML keys (at least 'title'), then '---'");
            return null;
        }

        var item = FromYaml(location, frontMatter.Yaml, frontMatter.YamlFirstLine, frontMatter.Body, frontMatter.BodyLine, diagnostics);
        return item with { SourceHash = Incremental.ContentHash.Of(text) };
    }

    /// <summary>Builds an item from front matter already parsed (or built from JSON by the CMS) and a body.</summary>
    public static ContentItem FromYaml(
        Location location, YamlDotNet.RepresentationModel.YamlMappingNode yaml, int yamlFirstLine, string body, int bodyLine, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(location);
        var path = location.SourcePath;
        var reader = new FieldReader(yaml, path, yamlFirstLine, diagnostics);
        var type = reader.Text("type") ?? (location.IsIndex ? ContentTypes.Page : ContentTypes.Article);
        if (!ContentTypes.All.Contains(type))
        {
            reader.Error("type", $"'type' must be one of {string.Join(", ", ContentTypes.All)} (found '{type}')");
            type = ContentTypes.Article;
        }

        var title = Limit(reader, "title", reader.Text("title", required: true), MaxTitle);
        var slug = reader.Text("slug") ?? location.Slug;
        if (!location.IsIndex && !SlugPattern().IsMatch(slug))
        {
            reader.Error("slug",
                $"slug '{slug}' must be lowercase ASCII letters, digits and '-' (rename the file or give 'slug:')",
                reader.Has("slug") ? null : 1);
        }

        var date = reader.Date("date", required: ContentTypes.RequiresDate(type) && !location.IsIndex);
        var updated = reader.Date("updated");
        if (date is { } published && updated is { } changed && changed < published)
        {
            reader.Error("updated", $"'updated' ({changed:yyyy-MM-dd}) is before 'date' ({published:yyyy-MM-dd})");
        }

        var sample = reader.Bool("sample");
        var cover = ReadCover(reader);
        ItemFields? fields = type switch
        {
            ContentTypes.Park => ReadPark(reader, sample),
            ContentTypes.Hall => ReadHall(reader, sample),
            ContentTypes.ProgramSite => ReadProgramSite(reader, sample),
            ContentTypes.ParentingLesson => ReadParentingLesson(reader),
            ContentTypes.Course => ReadCourse(reader),
            ContentTypes.Lesson => ReadLesson(reader),
            _ => null,
        };

        var item = new ContentItem
        {
            Section = location.Section,
            Slug = location.IsIndex ? "" : slug,
            Type = type,
            Title = title ?? "",
            Date = date,
            Updated = updated,
            Summary = Limit(reader, "summary", reader.Text("summary"), MaxSummary),
            Tags = Terms(reader, "tags"),
            Categories = Terms(reader, "categories"),
            Draft = reader.Bool("draft"),
            Sample = sample,
            Weight = reader.WholeNumber("weight") ?? 0,
            Cover = cover,
            Fields = fields,
            Body = body,
            BodyLine = bodyLine,
            SourcePath = path,
            ContentPath = location.ContentPath,
            IsIndex = location.IsIndex,
            BundlePath = location.BundlePath,
            KeyLines = reader.KeyLines(),
        };

        // Read last so every key the parser knows has been marked used.
        return item with { Extra = reader.Unused() };
    }

    /// <summary>Limits that keep titles fit for a card on a phone and lists of terms fit for a page.</summary>
    public const int MaxTitle = 200;
    public const int MaxSummary = 500;
    public const int MaxTerms = 20;
    public const int MaxTermLength = 32;

    private static string? Limit(FieldReader reader, string key, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            reader.Error(key, $"'{key}' is {value.Length} characters long; at most {max} are allowed");
        }

        return value;
    }

    private static IReadOnlyList<string> Terms(FieldReader reader, string key)
    {
        var terms = reader.StringList(key);
        if (terms.Count > MaxTerms)
        {
            reader.Error(key, $"'{key}' has {terms.Count} entries; at most {MaxTerms} are allowed");
        }

        foreach (var term in terms.Where(t => t.Length > MaxTermLength))
        {
            reader.Error(key, $"'{key}' entry '{term[..10]}…' is longer than {MaxTermLength} characters");
        }

        return terms;
    }

    private static MediaReference? ReadCover(FieldReader reader)
    {
        var cover = reader.Map("cover");
        if (cover is null)
        {
            return null;
        }

        var src = cover.Text("src", required: true);
        var alt = cover.Text("alt");
        if (alt is null)
        {
            cover.Error("alt", "'cover.alt' is required: describe the image for readers who cannot see it");
        }

        var focalX = Focal(cover, "focal_x");
        var focalY = Focal(cover, "focal_y");
        return src is null ? null : new MediaReference(src, alt ?? "") { FocalX = focalX, FocalY = focalY };
    }

    private static double Focal(FieldReader reader, string key)
    {
        var value = reader.Number(key) ?? 0.5;
        if (value is < 0 or > 1)
        {
            reader.Error(key, $"'{key}' must be between 0 and 1 (found {value})");
            return 0.5;
        }

        return value;
    }

    private static Coordinates? ReadCoordinates(FieldReader reader)
    {
        var map = reader.Map("coordinates", required: true);
        if (map is null)
        {
            return null;
        }

        var lat = map.Number("lat", required: true);
        var lng = map.Number("lng", required: true);
        if (lat is null || lng is null)
        {
            return null;
        }

        if (lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            map.ErrorHere($"coordinates ({lat}, {lng}) are not a position on Earth");
            return null;
        }

        return new Coordinates(lat.Value, lng.Value);
    }

    private static string? ReadAddress(FieldReader reader, bool sample)
    {
        var address = reader.Text("address");
        if (sample && address is not null)
        {
            reader.Error("address", "a sample entry must not give a street address");
        }

        return address;
    }

    private static ParkFields? ReadPark(FieldReader reader, bool sample)
    {
        var district = reader.OneOf("district", Vocabulary.Districts, required: true);
        var town = reader.Text("town");
        var address = ReadAddress(reader, sample);
        var coordinates = ReadCoordinates(reader);
        var hours = reader.Text("opening_hours", required: true);
        var structuredHours = OpeningHoursReader.Read(reader, "hours");
        var level = reader.OneOf("level", Vocabulary.ParkLevels, required: true);
        var exhibits = new List<Exhibit>();
        foreach (var entry in reader.MapList("exhibits", required: true))
        {
            if (entry.Text("name", required: true) is { } name)
            {
                exhibits.Add(new Exhibit(name, entry.Text("description")));
            }
        }

        return district is null || coordinates is null || hours is null || level is null
            ? null
            : new ParkFields(district, town, address, coordinates, hours, level, exhibits) { Hours = structuredHours };
    }

    private static HallFields? ReadHall(FieldReader reader, bool sample)
    {
        var district = reader.OneOf("district", Vocabulary.Districts, required: true);
        var address = ReadAddress(reader, sample);
        var coordinates = ReadCoordinates(reader);
        var hours = reader.Text("opening_hours", required: true);
        var booking = reader.Text("booking", required: true);
        return district is null || coordinates is null || hours is null || booking is null
            ? null
            : new HallFields(district, address, coordinates, hours, booking);
    }

    private static ProgramSiteFields? ReadProgramSite(FieldReader reader, bool sample)
    {
        var district = reader.OneOf("district", Vocabulary.Districts, required: true);
        var address = ReadAddress(reader, sample);
        var coordinates = ReadCoordinates(reader);
        var hours = reader.Text("opening_hours");
        var kind = reader.OneOf("kind", Vocabulary.SiteKinds, required: true);
        var services = reader.StringList("services", required: true);
        return district is null || coordinates is null || kind is null
            ? null
            : new ProgramSiteFields(district, address, coordinates, hours, kind, services);
    }

    private static ParentingLessonFields? ReadParentingLesson(FieldReader reader)
    {
        AgeBand? band = null;
        if (reader.Text("age_band", required: true) is { } label)
        {
            band = Vocabulary.FindAgeBand(label);
            if (band is null)
            {
                reader.Error("age_band",
                    $"'age_band' must be one of {string.Join(", ", Vocabulary.AgeBands.Select(b => b.Label))} (found '{label}')");
            }
        }

        MonthRange? months = null;
        if (reader.Map("age_months", required: true) is { } range)
        {
            var from = range.WholeNumber("from", required: true);
            var to = range.WholeNumber("to", required: true);
            if (from is not null && to is not null)
            {
                months = new MonthRange(from.Value, to.Value);
                if (from > to)
                {
                    range.ErrorHere($"'age_months.from' ({from}) is after 'age_months.to' ({to})");
                }
                else if (band is not null && (from < band.FromMonths || to > band.ToMonths))
                {
                    range.ErrorHere(
                        $"'age_months' {from}–{to} lies outside the age band {band.Label} ({band.FromMonths}–{band.ToMonths} months)");
                }
            }
        }

        var domain = reader.OneOf("domain", Vocabulary.ParentingDomains, required: true);
        var (series, episode) = ReadEpisode(reader);
        return band is null || months is null || domain is null
            ? null
            : new ParentingLessonFields(band.Label, months, domain, series, episode);
    }

    /// <summary>The largest episode number accepted: a bound for hostile input, far past any real series.</summary>
    public const int MaxEpisode = 9999;

    private static (string? Series, int? Episode) ReadEpisode(FieldReader reader)
    {
        var names = string.Join(", ", Vocabulary.ParentingSeries.Select(s => s.Name));
        var series = reader.Text("series");
        if (series is not null && Vocabulary.FindSeries(series) is null)
        {
            reader.Error("series", $"'series' must be one of {names} (found '{series}')");
            series = null;
        }

        var text = reader.Text("episode");
        int? episode = null;
        if (text is not null)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                // The field once held an episode's title; say what it holds now.
                reader.Error("episode",
                    $"'episode' must be the lesson's number in its series, a whole number 1 to {MaxEpisode} (found '{text}'); the lesson's title is the episode's title");
            }
            else if (number is < 1 or > MaxEpisode)
            {
                reader.Error("episode", $"'episode' must be 1 to {MaxEpisode} (found {number})");
            }
            else
            {
                episode = number;
            }
        }

        if (series is not null && text is null)
        {
            reader.Error("series", $"a lesson in the series '{series}' needs 'episode': its number in the series (1, 2, 3…)");
        }
        else if (text is not null && series is null && !reader.Has("series"))
        {
            reader.Error("episode", $"'episode' needs 'series': the series the lesson belongs to ({names})");
        }

        return series is not null && episode is not null ? (series, episode) : (null, null);
    }

    private static CourseFields? ReadCourse(FieldReader reader)
    {
        var audience = reader.OneOf("audience", Vocabulary.Audiences, required: true);
        var grade = reader.OneOf("grade_band", Vocabulary.GradeBands, required: true);
        var topic = reader.Text("topic", required: true);
        var objectives = reader.StringList("objectives");
        return audience is null || grade is null || topic is null
            ? null
            : new CourseFields(audience, grade, topic, objectives);
    }

    private static LessonFields? ReadLesson(FieldReader reader)
    {
        var course = reader.Text("course", required: true);
        var order = reader.WholeNumber("order", required: true);
        if (order is < 1)
        {
            reader.Error("order", $"'order' must be 1 or more (found {order})");
        }

        var topic = reader.Text("topic");
        var objectives = reader.StringList("objectives", required: true);
        var notes = reader.Text("teacher_notes");
        var handouts = new List<Handout>();
        foreach (var entry in reader.MapList("handouts"))
        {
            var title = entry.Text("title", required: true);
            var src = entry.Text("src", required: true);
            if (title is not null && src is not null)
            {
                handouts.Add(new Handout(title, src));
            }
        }

        var quiz = new List<QuizQuestion>();
        foreach (var entry in reader.MapList("quiz"))
        {
            var question = entry.Text("question", required: true);
            var options = entry.StringList("options", required: true);
            var multiple = entry.Has("answer") && !entry.HoldsText("answer");
            var answers = QuizAnswers(entry, multiple, options.Count);
            if (options.Count is > 0 and < 2)
            {
                entry.Error("options", "a quiz question needs at least two options");
                continue;
            }

            if (question is not null && answers is not null && options.Count > 0)
            {
                quiz.Add(new QuizQuestion(question, options, answers, multiple, entry.Text("explanation")));
            }
        }

        return course is null || order is null
            ? null
            : new LessonFields(course, order.Value, topic, objectives, notes, handouts, quiz);
    }

    /// <summary>A question's right options: one index, or a list of distinct indexes for a multiple-choice question.</summary>
    private static List<int>? QuizAnswers(FieldReader entry, bool multiple, int optionCount)
    {
        var texts = multiple ? entry.StringList("answer", required: true) : entry.Text("answer", required: true) is { } one ? [one] : [];
        var answers = new List<int>(texts.Count);
        foreach (var text in texts)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || (optionCount > 0 && index >= optionCount))
            {
                entry.Error("answer", optionCount > 0
                    ? $"'answer' must be the 0-based index of an option, 0 to {optionCount - 1}, or a list of them (found {text})"
                    : $"'answer' must be the 0-based index of an option (found {text})");
                return null;
            }

            if (answers.Contains(index))
            {
                entry.Error("answer", $"'answer' lists option {index} twice");
                return null;
            }

            answers.Add(index);
        }

        return answers.Count == 0 ? null : [.. answers.Order()];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
