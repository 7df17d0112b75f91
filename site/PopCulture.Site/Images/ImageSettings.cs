using PopCulture.Site.Content;

namespace PopCulture.Site.Images;

/// <summary>How the theme wants images: the widths to make, and the quality. Read from the theme's <c>theme.yaml</c>.</summary>
public sealed record ImageSettings(IReadOnlyList<int> Widths, int Quality)
{
    public static readonly ImageSettings Default = new([360, 720, 1080], 80);

    /// <summary>Fixed-ratio crops the theme asks for (<c>card: { ratio: "4:3", widths: [360, 720] }</c>), by name.</summary>
    public IReadOnlyDictionary<string, CropSettings> Crops { get; init; } = new Dictionary<string, CropSettings>(StringComparer.Ordinal);

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

        var crops = new Dictionary<string, CropSettings>(StringComparer.Ordinal);
        if (images.GetValueOrDefault("crops") is Dictionary<string, object?> named)
        {
            foreach (var (name, value) in named)
            {
                if (CropSettings.Parse(value) is { } crop && System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]+$"))
                {
                    crops[name] = crop;
                }
                else
                {
                    diagnostics.Error($"{displayPath}/theme.yaml", 0, $"images.crops.{name} needs a lowercase name, ratio: \"w:h\" and widths: [...]");
                }
            }
        }

        return new ImageSettings(widths, quality) { Crops = crops };
    }

    /// <summary>A short key of the settings, part of every cached variant's key.</summary>
    public string Key => $"w{string.Join('-', Widths)}q{Quality}";
}

/// <summary>A fixed aspect ratio and the widths to make at it.</summary>
public sealed record CropSettings(int RatioWidth, int RatioHeight, IReadOnlyList<int> Widths)
{
    internal static CropSettings? Parse(object? value)
    {
        if (value is not Dictionary<string, object?> crop || crop.GetValueOrDefault("ratio") is not string ratio
            || crop.GetValueOrDefault("widths") is not List<object?> widths)
        {
            return null;
        }

        var parts = ratio.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var w)
            || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var h) || w <= 0 || h <= 0)
        {
            return null;
        }

        var list = widths.OfType<long>().Where(x => x is >= 16 and <= 4096).Select(x => (int)x).Distinct().Order().ToList();
        return list.Count == 0 ? null : new CropSettings(w, h, list);
    }

    public string Key => $"{RatioWidth}x{RatioHeight}w{string.Join('-', Widths)}";
}
