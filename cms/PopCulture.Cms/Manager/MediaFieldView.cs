namespace PopCulture.Cms.Manager;

/// <summary>One text field of the media item form, with its label, hint and errors (ids derive from the key).</summary>
public sealed record MediaFieldView(string Key, string Label, string? Value, string? Hint, IReadOnlyList<string> Errors, bool Required = false, bool Multiline = false, int MaxLength = 200)
{
    public string Id => $"media-{Key}";

    public string ErrorId => $"media-{Key}-error";

    public string HintId => $"media-{Key}-hint";

    public bool Invalid => Errors.Count > 0;

    /// <summary>The ids that describe the control: its errors first, then its hint.</summary>
    public string? DescribedBy => string.Join(' ', new[] { Invalid ? ErrorId : null, Hint is null ? null : HintId }.Where(d => d is not null)) is { Length: > 0 } ids ? ids : null;
}
