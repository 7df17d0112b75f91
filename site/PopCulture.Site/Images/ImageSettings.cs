using PopCulture.Site.Content;

namespace PopCulture.Site.Images;

/// <summary>How the theme wants images: the widths to make, and the quality. Read from the theme's <c>theme.yaml</c>.</summary>
public sealed record ImageSettings(IReadOnlyList<int> Widths, int Quality)
{
    public static readonly ImageSettings Default = new([360, 720, 1080], 80);

    /// <summary>Reads <c>images: { widths: [...], quality: n }</c> from <c>theme.yaml</c>, if the theme has one.</summary>
    public static ImageSettings Load(string themeDirectory, string displayPath, DiagnosticBag diagnostics)
    {
        var file = Path.Combine(themeDirectory, "theme.yaml");
        if (!File.Exists(file))
        {
            return Default;
        }

        if (YamlValues.ParseDocument($"{displayPath}/theme.yaml", File.ReadAllText(file), diagnostics) is not Dictionary<string, object?> root
            || root.GetValueOrDefault("images") is not Dictionary<string, object?> images)
        {
            return Default;
        }

        var widths = images.GetValueOrDefault("widths") is List<object?> list
            ? list.OfType<long>().Where(w => w is >= 16 and <= 4096).Select(w => (int)w).Distinct().Order().ToList()
            : [.. Default.Widths];
        var quality = images.GetValueOrDefault("quality") is long q and >= 30 and <= 100 ? (int)q : Default.Quality;
        if (widths.Count == 0)
        {
            diagnostics.Error($"{displayPath}/theme.yaml", 0, "images.widths must list widths between 16 and 4096 pixels");
            return Default;
        }

        return new ImageSettings(widths, quality);
    }

    /// <summary>A short key of the settings, part of every cached variant's key.</summary>
    public string Key => $"w{string.Join('-', Widths)}q{Quality}";
}
