namespace PopCulture.Cms.Manager.Editing;

/// <summary>One control as the form renders it: its id, its posted name, its value, its label and its errors.</summary>
public sealed record FormControl(FormField Field, string Id, string Name, string Value, string Label, IReadOnlyList<string> Errors)
{
    public bool Invalid => Errors.Count > 0;

    public string ErrorId => Id + "-error";

    public string HintId => Id + "-hint";
}
