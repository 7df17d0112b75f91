namespace PopCulture.Cms.Content;

/// <summary>A YAML data file of the site (<c>content/_data/site.yaml</c>), kept as written.</summary>
public sealed class DataFile
{
    /// <summary>The file name, <c>site.yaml</c>.</summary>
    public required string Name { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
