using System.Text;

namespace PopCulture.Site.Incremental;

/// <summary>
/// What one build wrote and why: every output file with a hash of its content or source, and for every page the facts
/// it read and the site paths it links to. The next build compares against it to decide what to render and write.
/// Kept in the build cache under the build's id; the output folder names the id of the build it holds.
/// </summary>
public sealed class BuildManifest
{
    private const string Magic = "popculture-build-manifest/1";

    public required ulong BuildId { get; init; }

    /// <summary>Everything every page depends on: generator, theme, settings, site data, sections.</summary>
    public required UInt128 SiteKey { get; init; }

    /// <summary>Output files by site path (<c>/parks/</c> for a page), with a hash of what they were made from.</summary>
    public required IReadOnlyDictionary<string, UInt128> Files { get; init; }

    public required IReadOnlyList<string> FactNames { get; init; }

    public required IReadOnlyList<UInt128> FactValues { get; init; }

    public required IReadOnlyList<string> Links { get; init; }

    /// <summary>Pages by URL: indexes into <see cref="FactNames"/> and <see cref="Links"/>.</summary>
    public required IReadOnlyDictionary<string, PageRecord> Pages { get; init; }

    public static string PathFor(string cacheDirectory, ulong buildId) =>
        Path.Combine(cacheDirectory, "builds", $"{buildId:x16}.manifest");

    /// <summary>Reads the manifest of a build; null if it is missing or unreadable, which means "render everything".</summary>
    public static BuildManifest? Load(string cacheDirectory, ulong buildId)
    {
        var path = PathFor(cacheDirectory, buildId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            return reader.ReadString() == Magic ? Read(reader) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            // A cache is never worth failing a build over: a damaged manifest costs one full render.
            return null;
        }
    }

    /// <summary>Writes the manifest (via a temporary file, so a crash leaves none rather than half of one) and prunes old ones.</summary>
    public void Save(string cacheDirectory)
    {
        var path = PathFor(cacheDirectory, BuildId);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            Write(writer);
        }

        File.Move(temporary, path, overwrite: true);
        foreach (var old in new DirectoryInfo(folder).EnumerateFiles("*.manifest").OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeptManifests))
        {
            old.Delete();
        }
    }

    /// <summary>The live build's and the one before it, which the other output slot may still hold.</summary>
    private const int KeptManifests = 3;

    private void Write(BinaryWriter writer)
    {
        writer.Write(BuildId);
        WriteHash(writer, SiteKey);
        writer.Write(Files.Count);
        foreach (var (path, hash) in Files)
        {
            writer.Write(path);
            WriteHash(writer, hash);
        }

        writer.Write(FactNames.Count);
        for (var i = 0; i < FactNames.Count; i++)
        {
            writer.Write(FactNames[i]);
            WriteHash(writer, FactValues[i]);
        }

        writer.Write(Links.Count);
        foreach (var link in Links)
        {
            writer.Write(link);
        }

        writer.Write(Pages.Count);
        foreach (var (url, page) in Pages)
        {
            writer.Write(url);
            WriteIndexes(writer, page.Facts);
            WriteIndexes(writer, page.Links);
        }
    }

    private static BuildManifest Read(BinaryReader reader)
    {
        var buildId = reader.ReadUInt64();
        var siteKey = ReadHash(reader);
        var fileCount = ReadCount(reader);
        var files = new Dictionary<string, UInt128>(Math.Min(fileCount, 1 << 20), StringComparer.Ordinal);
        for (var i = 0; i < fileCount; i++)
        {
            files[reader.ReadString()] = ReadHash(reader);
        }

        var factCount = ReadCount(reader);
        var names = new string[factCount];
        var values = new UInt128[factCount];
        for (var i = 0; i < factCount; i++)
        {
            names[i] = reader.ReadString();
            values[i] = ReadHash(reader);
        }

        var links = new string[ReadCount(reader)];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = reader.ReadString();
        }

        var pageCount = ReadCount(reader);
        var pages = new Dictionary<string, PageRecord>(pageCount, StringComparer.Ordinal);
        for (var i = 0; i < pageCount; i++)
        {
            var url = reader.ReadString();
            pages[url] = new PageRecord(ReadIndexes(reader, factCount), ReadIndexes(reader, links.Length));
        }

        return new BuildManifest
        {
            BuildId = buildId, SiteKey = siteKey, Files = files, FactNames = names, FactValues = values, Links = links, Pages = pages,
        };
    }

    /// <summary>A count from the file, bounded so a damaged manifest cannot ask for gigabytes.</summary>
    private static int ReadCount(BinaryReader reader) =>
        reader.ReadInt32() is var count and >= 0 and <= 1 << 26 ? count : throw new FormatException("manifest count out of range");

    private static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)(hash >> 64));
        writer.Write((ulong)hash);
    }

    private static UInt128 ReadHash(BinaryReader reader) => new(reader.ReadUInt64(), reader.ReadUInt64());

    private static void WriteIndexes(BinaryWriter writer, int[] indexes)
    {
        writer.Write(indexes.Length);
        foreach (var index in indexes)
        {
            writer.Write(index);
        }
    }

    private static int[] ReadIndexes(BinaryReader reader, int limit)
    {
        var indexes = new int[ReadCount(reader)];
        for (var i = 0; i < indexes.Length; i++)
        {
            var index = reader.ReadInt32();
            indexes[i] = (uint)index < (uint)limit ? index : throw new FormatException("manifest index out of range");
        }

        return indexes;
    }
}

/// <summary>One page of a manifest: the facts it read and the site paths it links to, as table indexes.</summary>
public sealed record PageRecord(int[] Facts, int[] Links);
