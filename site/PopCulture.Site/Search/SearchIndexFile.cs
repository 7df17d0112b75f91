namespace PopCulture.Site.Search;

/// <summary>One file of the static index: its site path (content-hashed), the hash of its JSON, and the JSON itself, uncompressed.</summary>
public sealed record SearchIndexFile(string SitePath, UInt128 Hash, byte[] Json)
{
    public const string Root = "/search-index/";

    public const string ManifestPath = Root + "manifest.json";

    /// <summary>What the file is, whatever its content: <c>t/12</c> (a shard), <c>w/家庭</c> (a common term), <c>d/3</c> (a doc chunk), <c>facets</c>, <c>manifest</c>.</summary>
    public string Slot { get; init; } = "";

    /// <summary>The doc ids whose display record the file carries (a shard's or term file's top results), ascending.</summary>
    public IReadOnlyList<int> Docs { get; init; } = [];

    /// <summary>The 8 hex digits that name a file by its content.</summary>
    public static string ShortHash(UInt128 hash) => ((uint)(hash & uint.MaxValue)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The file as served: the manifest as plain JSON, every other file gzip, which search.js inflates itself.</summary>
    public byte[] Served() => SitePath == ManifestPath ? Json : Compressed();

    public byte[] Compressed()
    {
        using var buffer = new MemoryStream(Json.Length / 3);
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(Json);
        }

        return buffer.ToArray();
    }
}
