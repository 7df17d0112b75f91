using PopCulture.Cms.Manager.Editing;

namespace PopCulture.Cms.Manager.Accounts;

/// <summary>One text input of the user or token form, with its label and the errors to show beside it.</summary>
public sealed record AccountField(string Name, string Id, string Label, string Type, string? Value, string? Autocomplete, FieldErrors Errors)
{
    /// <summary>Attributes such as <c>min</c>/<c>max</c> of a number input; none by default.</summary>
    public int? Min { get; init; }

    public int? Max { get; init; }

    public string? Hint { get; init; }
}
