using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace PopCulture.Cms.Manager.Editing;

/// <summary>Everything the editing form shows: the entry's place and type, the values as entered, and why a save was refused.</summary>
public sealed partial class EntryFormView
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssK"];

    /// <summary>The slug and the body: not front matter, but edited in the same form.</summary>
    public static FormField SlugField { get; } = new("slug", FieldKind.Text, Required: true);

    public static FormField BodyField { get; } = new("body", FieldKind.Markdown);

    public required string Section { get; init; }

    public required string Type { get; init; }

    /// <summary>The entry being edited; null for a new one.</summary>
    public Guid? Id { get; init; }

    public required EntryFormValues Values { get; init; }

    public string Slug { get; init; } = "";

    public string Body { get; init; } = "";

    /// <summary>The revision the form was opened at: the store refuses the save if the entry has moved on since.</summary>
    public int? Revision { get; init; }

    public FieldErrors Errors { get; init; } = FieldErrors.None;

    /// <summary>True for a saved draft: the editor script saves it as the editor works.</summary>
    public bool Autosave { get; init; }

    public EntryConflict? Conflict { get; init; }

    /// <summary>A refusal that belongs to no field (not allowed to save in this state), in the store's words.</summary>
    public string? Problem { get; init; }

    /// <summary>The id of the control (or group) for field <paramref name="key"/>.</summary>
    public static string FieldId(string key) => "f-" + NonWord().Replace(key, "-").Trim('-');

    /// <summary>
    /// The errors shown at a control: its own, and for the first field of a mapping (<c>coordinates.lat</c>) those the
    /// parser gives for the mapping as a whole (<c>coordinates</c>).
    /// </summary>
    public IReadOnlyList<string> ErrorsAt(string key)
    {
        var own = Errors.For(key);
        var root = key.Split('.')[0];
        if (root == key || Values.Fields.FirstOrDefault(f => f.RootKey == root)?.Key != key)
        {
            return own;
        }

        return [.. own, .. Errors.For(root)];
    }

    /// <summary>Where the error summary links for field <paramref name="key"/>: its control, or null when the form has none.</summary>
    public string? TargetOf(string key)
    {
        if (key is "slug" or "body")
        {
            return FieldId(key);
        }

        var match = RowPath().Match(key);
        var root = match.Success ? match.Groups[1].Value : key.Split('.')[0];
        var field = Values.Fields.FirstOrDefault(f => f.Key == (match.Success ? root : key))
            ?? Values.Fields.FirstOrDefault(f => f.RootKey == root && !match.Success && f.Key.StartsWith(key + ".", StringComparison.Ordinal));
        if (field is null)
        {
            return null;
        }

        return match.Success && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) < Values.Rows(field) ? FieldId(key) : FieldId(field.Key);
    }

    /// <summary>A field's name for people: <c>展品 第 2 项 · 名称</c> for <c>exhibits[1].name</c>.</summary>
    public string LabelOf(string key, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = RowPath().Match(key);
        if (!match.Success)
        {
            var name = text["Field." + key];
            return name.ResourceNotFound ? key : name.Value;
        }

        var group = text["Field." + match.Groups[1].Value].Value;
        var row = text["Form.Row", int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) + 1].Value;
        return match.Groups[3].Success ? $"{group} {row} · {text["Field." + match.Groups[1].Value + "." + match.Groups[3].Value].Value}" : $"{group} {row}";
    }

    /// <summary>
    /// The control of <paramref name="field"/>; <paramref name="key"/> names a row's control (<c>exhibits[0].name</c>),
    /// and the slug and body, which are not front matter, have names of their own.
    /// </summary>
    public FormControl Control(FormField field, IStringLocalizer text, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        key ??= field.Key;
        var (name, value) = key switch
        {
            "slug" => (key, Slug),
            "body" => (key, Body),
            _ => ("fm." + key, Values[key]),
        };
        var label = key.Contains('[', StringComparison.Ordinal) && !key.EndsWith(']')
            ? text["Field." + RowPath().Match(key).Groups[1].Value + "." + field.Key].Value
            : key.EndsWith(']') ? text["Form.Row", RowNumber(key)].Value : LabelOf(key, text);
        return new FormControl(field, FieldId(key), name, value, label, ErrorsAt(key));
    }

    private static int RowNumber(string key) =>
        int.Parse(key[(key.LastIndexOf('[') + 1)..^1], CultureInfo.InvariantCulture) + 1;

    /// <summary>A stored date as a date input's value; null when it is not a plain date, so it stays in a text field untouched.</summary>
    public static string? DateInput(string value) =>
        value.Length == 0 ? "" :
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?$")]
    private static partial Regex RowPath();
}
