using System.Globalization;

namespace PopCulture.Site.Content;

/// <summary>
/// Reads <c>_data/districts.yaml</c> (a list of <c>{ name, slug, centre: { lat, lng } }</c>) for the park map and the
/// directory's order. A site without the file has no district dots and lists districts in vocabulary order.
/// </summary>
public static class DistrictReader
{
    public const string DataName = "districts";
    public const string DisplayPath = "content/_data/districts.yaml";

    public static IReadOnlyList<District> Read(IReadOnlyDictionary<string, object?> data, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!data.TryGetValue(DataName, out var value) || value is null)
        {
            return [];
        }

        if (value is not List<object?> entries)
        {
            diagnostics.Error(DisplayPath, 0, "must be a list of { name, slug, centre: { lat, lng } }");
            return [];
        }

        var districts = new List<District>(entries.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            // Plain data keeps no line numbers: the entry's position names it.
            var where = $"entry {i + 1}";
            if (entries[i] is not Dictionary<string, object?> entry
                || entry.GetValueOrDefault("name") is not string { Length: > 0 } name
                || entry.GetValueOrDefault("slug") is not string { Length: > 0 } slug
                || entry.GetValueOrDefault("centre") is not Dictionary<string, object?> centre
                || Degrees(centre.GetValueOrDefault("lat")) is not { } lat
                || Degrees(centre.GetValueOrDefault("lng")) is not { } lng)
            {
                diagnostics.Error(DisplayPath, 0, $"{where}: needs 'name', 'slug' and 'centre: {{ lat, lng }}' in degrees");
                continue;
            }

            if (!Vocabulary.Districts.Contains(name))
            {
                diagnostics.Error(DisplayPath, 0, $"{where}: '{name}' is not one of {string.Join(", ", Vocabulary.Districts)}");
                continue;
            }

            if (lat is < -90 or > 90 || lng is < -180 or > 180)
            {
                diagnostics.Error(DisplayPath, 0, $"{where}: centre ({lat}, {lng}) is not a position on Earth");
                continue;
            }

            if (!names.Add(name))
            {
                diagnostics.Error(DisplayPath, 0, $"{where}: '{name}' is listed twice");
                continue;
            }

            districts.Add(new District(name, slug, new Coordinates(lat, lng)));
        }

        return districts;
    }

    private static double? Degrees(object? value) => value switch
    {
        double d when double.IsFinite(d) => d,
        long l => l,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };
}
