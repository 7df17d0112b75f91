namespace PopCulture.Cms.Manager;

/// <summary>One list of entries on the dashboard: its heading, rows, the state its "show all" link filters on.</summary>
public sealed record EntryPanel(string Id, string Heading, IReadOnlyList<EntryRow> Rows, string State, bool ShowPublishAt);
