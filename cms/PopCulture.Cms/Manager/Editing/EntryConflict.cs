namespace PopCulture.Cms.Manager.Editing;

/// <summary>Someone else saved the entry after the form was opened: what the form was based on and what is stored now.</summary>
public sealed record EntryConflict(int BasedOn, int Current, string By, DateTimeOffset At);
