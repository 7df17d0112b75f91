using System.Security.Cryptography;

namespace PopCulture.Site.Output;

/// <summary>Publishes a theme's <c>assets/</c> under <c>/assets/</c> with a content hash in each name, so they can be cached forever.</summary>
public static class AssetPipeline
{
    /// <summary>Maps each asset's name (<c>css/site.css</c>) to its fingerprinted site path (<c>/assets/css/site.1a2b3c4d5e.css</c>).</summary>
    public static async Task<IReadOnlyDictionary<string, (string SitePath, string Physical)>> FingerprintAsync(
        string themeDirectory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(themeDirectory, "assets");
        var assets = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return assets;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            await using var stream = File.OpenRead(file);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false))[..10];
            var extension = Path.GetExtension(name);
            assets[name] = ($"/assets/{name[..^extension.Length]}.{hash}{extension}", file);
        }

        return assets;
    }
}
