namespace PopCulture.Site.Content;

/// <summary>A district or county-level city of Suzhou from <c>_data/districts.yaml</c>: its name, URL slug and approximate centre.</summary>
public sealed record District(string Name, string Slug, Coordinates Centre);
