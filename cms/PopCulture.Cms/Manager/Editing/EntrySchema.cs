using PopCulture.Site.Content;

namespace PopCulture.Cms.Manager.Editing;

/// <summary>
/// The editing form's fields per content type, after the site library's content contract (<see cref="ItemParser"/>,
/// <see cref="ItemFields"/>, <see cref="Vocabulary"/>): the same keys and vocabularies, so the form offers only what the
/// parser accepts. Keys the form does not show (cover, handouts, anything extra) are kept as they are on save.
/// </summary>
public static class EntrySchema
{
    private static readonly FormField District = new("district", FieldKind.Select, Required: true, Options: Vocabulary.Districts);
    private static readonly FormField Address = new("address", FieldKind.Text);
    private static readonly FormField Latitude = new("coordinates.lat", FieldKind.Number, Required: true);
    private static readonly FormField Longitude = new("coordinates.lng", FieldKind.Number, Required: true);

    private static readonly FormField[] Place = [District, Address, Latitude, Longitude];

    /// <summary>The fields of <paramref name="type"/>: the common ones, then the type's own.</summary>
    public static IReadOnlyList<FormField> For(string type)
    {
        List<FormField> fields =
        [
            new("title", FieldKind.Text, Required: true),
            new("date", FieldKind.Date, Required: ContentTypes.RequiresDate(type)),
            new("updated", FieldKind.Date),
            new("summary", FieldKind.TextArea),
            new("tags", FieldKind.Terms),
            new("sample", FieldKind.Check),
        ];
        fields.AddRange(type switch
        {
            ContentTypes.Park =>
            [
                District, new("town", FieldKind.Text), Address, Latitude, Longitude,
                new("opening_hours", FieldKind.Text, Required: true),
                new("level", FieldKind.Select, Required: true, Options: Vocabulary.ParkLevels),
                new("exhibits", FieldKind.Group, Required: true, Parts:
                [
                    new("name", FieldKind.Text, Required: true),
                    new("description", FieldKind.TextArea),
                ]),
            ],
            ContentTypes.Hall =>
            [
                .. Place,
                new("opening_hours", FieldKind.Text, Required: true),
                new("booking", FieldKind.Text, Required: true),
            ],
            ContentTypes.ProgramSite =>
            [
                .. Place,
                new("opening_hours", FieldKind.Text),
                new("kind", FieldKind.Select, Required: true, Options: Vocabulary.SiteKinds),
                new("services", FieldKind.List, Required: true),
            ],
            ContentTypes.ParentingLesson =>
            [
                new("age_band", FieldKind.Select, Required: true, Options: [.. Vocabulary.AgeBands.Select(b => b.Label)]),
                new("age_months.from", FieldKind.WholeNumber, Required: true),
                new("age_months.to", FieldKind.WholeNumber, Required: true),
                new("domain", FieldKind.Select, Required: true, Options: Vocabulary.ParentingDomains),
                new("episode", FieldKind.Text),
            ],
            ContentTypes.Course =>
            [
                new("audience", FieldKind.Select, Required: true, Options: Vocabulary.Audiences),
                new("grade_band", FieldKind.Select, Required: true, Options: Vocabulary.GradeBands),
                new("topic", FieldKind.Text, Required: true),
                new("objectives", FieldKind.List),
            ],
            ContentTypes.Lesson =>
            [
                new("course", FieldKind.Text, Required: true),
                new("order", FieldKind.WholeNumber, Required: true),
                new("topic", FieldKind.Text),
                new("objectives", FieldKind.List, Required: true),
                new("teacher_notes", FieldKind.TextArea),
                new("quiz", FieldKind.Group, Parts:
                [
                    new("question", FieldKind.Text, Required: true),
                    new("options", FieldKind.Lines, Required: true),
                    new("answer", FieldKind.WholeNumber, Required: true) { OneBased = true },
                    new("explanation", FieldKind.TextArea),
                ]),
            ],
            _ => [],
        });
        return fields;
    }
}
