namespace PopCulture.Cms.Manager.Editing;

/// <summary>
/// One field of the editing form. <see cref="Key"/> is the front-matter path the content parser reports errors under
/// (<c>title</c>, <c>coordinates.lat</c>; a group's parts are named relative to a row, <c>name</c>), so an error from
/// the store finds its control by name.
/// </summary>
/// <param name="Key">The front-matter path.</param>
/// <param name="Kind">The control.</param>
/// <param name="Required">Marked as required for the reader; the store decides, the form only says so.</param>
/// <param name="Options">The allowed values of a <see cref="FieldKind.Select"/>.</param>
/// <param name="Parts">The fields of one row of a <see cref="FieldKind.Group"/>.</param>
public sealed record FormField(
    string Key, FieldKind Kind, bool Required = false, IReadOnlyList<string>? Options = null, IReadOnlyList<FormField>? Parts = null)
{
    /// <summary>
    /// Shown counting from 1 but stored counting from 0: a quiz answer is "option 2" to an editor, index 1 to the
    /// parser.
    /// </summary>
    public bool OneBased { get; init; }

    /// <summary>True for fields that hold several rows.</summary>
    public bool Repeats => Kind is FieldKind.List or FieldKind.Group;

    /// <summary>The front-matter key at the top level: <c>coordinates</c> for <c>coordinates.lat</c>.</summary>
    public string RootKey => Key.Split('.')[0];
}
