using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace PopCulture.Cms.Manager.Editing;

/// <summary>
/// The store's validation errors, by form field and in the manager's language. The store (and the parser behind it)
/// words its problems in English for API clients and files; the form shows each one in Chinese next to its control,
/// matched by the shape of the message, and keeps the original for anything it does not recognise.
/// </summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public static FieldErrors None { get; } = new();

    /// <summary>Every error in the order the store gave them, with the field key each belongs to.</summary>
    public List<(string Key, string Message)> All { get; } = [];

    public bool Any => All.Count > 0;

    /// <summary>The messages of field <paramref name="key"/> itself.</summary>
    public IReadOnlyList<string> For(string key) => _byField.TryGetValue(key, out var list) ? list : [];

    /// <summary>The errors of a store outcome: <c>frontMatter.coordinates.lat</c> becomes the field <c>coordinates.lat</c>.</summary>
    public static FieldErrors From(IDictionary<string, string[]>? errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new FieldErrors();
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            var key = field.StartsWith("frontMatter.", StringComparison.Ordinal) ? field["frontMatter.".Length..] : field;
            foreach (var message in messages)
            {
                result.Add(key, Translate(message, text));
            }
        }

        return result;
    }

    public void Add(string key, string message)
    {
        if (!_byField.TryGetValue(key, out var list))
        {
            _byField[key] = list = [];
        }

        list.Add(message);
        All.Add((key, message));
    }

    /// <summary>A message of the store or the content parser in the manager's language.</summary>
    public static string Translate(string message, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(text);
        if (Answer().Match(message) is { Success: true } answer)
        {
            return text["Error.Answer", int.Parse(answer.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1];
        }

        if (Outside().Match(message) is { Success: true } outside)
        {
            return text["Error.MonthsOutside", outside.Groups[1].Value, outside.Groups[2].Value, outside.Groups[3].Value];
        }

        if (TooLong().Match(message) is { Success: true } tooLong)
        {
            return text["Error.TooLong", tooLong.Groups[1].Value, tooLong.Groups[2].Value];
        }

        if (TooMany().Match(message) is { Success: true } tooMany)
        {
            return text["Error.TooMany", tooMany.Groups[1].Value, tooMany.Groups[2].Value];
        }

        if (TermTooLong().Match(message) is { Success: true } term)
        {
            return text["Error.TermTooLong", term.Groups[1].Value];
        }

        var key = message switch
        {
            _ when message.Contains("is already used by another entry", StringComparison.Ordinal) => "Error.SlugTaken",
            _ when message.Contains("must be lowercase ASCII letters", StringComparison.Ordinal) => "Error.Slug",
            _ when message.Contains("needs at least one entry", StringComparison.Ordinal) => "Error.AtLeastOne",
            _ when message.Contains("at least two options", StringComparison.Ordinal) => "Error.TwoOptions",
            _ when message.Contains("is required", StringComparison.Ordinal) => "Error.Required",
            _ when message.Contains("must be one of", StringComparison.Ordinal) => "Error.OneOf",
            _ when message.Contains("must be a whole number", StringComparison.Ordinal) => "Error.WholeNumber",
            _ when message.Contains("must be a number", StringComparison.Ordinal) => "Error.Number",
            _ when message.Contains("must be a date", StringComparison.Ordinal) => "Error.Date",
            _ when message.Contains("is before 'date'", StringComparison.Ordinal) => "Error.UpdatedBeforeDate",
            _ when message.Contains("not a position on Earth", StringComparison.Ordinal) => "Error.Coordinates",
            _ when message.Contains("is after 'age_months.to'", StringComparison.Ordinal) => "Error.MonthsOrder",
            _ when message.Contains("sample entry must not give a street address", StringComparison.Ordinal) => "Error.SampleAddress",
            _ when message.Contains("'order' must be 1 or more", StringComparison.Ordinal) => "Error.Order",
            _ when message.Contains("must be non-empty text", StringComparison.Ordinal) => "Error.EmptyEntry",
            _ => null,
        };
        return key is null ? text["Error.Other", message] : text[key];
    }

    [GeneratedRegex(@"0-based index of an option, 0 to (\d+)")]
    private static partial Regex Answer();

    [GeneratedRegex(@"lies outside the age band (\S+) \((\d+)–(\d+) months\)")]
    private static partial Regex Outside();

    [GeneratedRegex(@"is (\d+) characters long; at most (\d+)")]
    private static partial Regex TooLong();

    [GeneratedRegex(@"has (\d+) entries; at most (\d+)")]
    private static partial Regex TooMany();

    [GeneratedRegex(@"is longer than (\d+) characters")]
    private static partial Regex TermTooLong();
}
