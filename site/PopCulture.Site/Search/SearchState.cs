namespace PopCulture.Site.Search;

/// <summary>
/// What the last search stage wrote, and from what: lets a rebuild with nothing changed skip the stage, and a rebuild
/// with some documents changed remake only the files that hold them.
/// </summary>
/// <param name="Inputs">Everything the index is made of (documents, sections, format).</param>
/// <param name="Frame">What fixes the file layout: the sections, the format.</param>
/// <param name="Urls">Each doc id's URL: a page keeps its id from build to build (<see cref="DocIds"/>).</param>
/// <param name="Sources">Each doc id's source hash, whose analysis the index holds.</param>
/// <param name="Dates">Each doc id's date as the index ranks it (yyyymmdd, 0 if none): a new date can change a term's top result.</param>
/// <param name="Files">Every file of the index by slot (<see cref="SearchIndexFile.Slot"/>).</param>
internal sealed record SearchState(UInt128 Inputs, UInt128 Frame, string[] Urls, UInt128[] Sources, int[] Dates, IReadOnlyDictionary<string, SearchState.FileRecord> Files)
{
    private const int Version = 4;

    /// <summary>One file as written, with the doc ids whose display record it carries: it is remade when one of them changes.</summary>
    public sealed record FileRecord(string SitePath, UInt128 Hash, long Bytes, int[] Docs);

    public static SearchState? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 16));
            if (reader.ReadInt32() != Version)
            {
                return null;
            }

            var inputs = ReadHash(reader);
            var frame = ReadHash(reader);
            var documents = reader.ReadInt32();
            if (documents < 0 || documents > reader.BaseStream.Length / 21)
            {
                return null; // each document takes 21 bytes or more: a count the file cannot hold is a damaged file
            }

            var urls = new string[documents];
            var sources = new UInt128[documents];
            var dates = new int[sources.Length];
            for (var i = 0; i < sources.Length; i++)
            {
                urls[i] = reader.ReadString();
                sources[i] = ReadHash(reader);
                dates[i] = reader.ReadInt32();
            }

            var count = reader.ReadInt32();
            if (count < 0 || count > reader.BaseStream.Length / 30)
            {
                return null; // each file record takes 30 bytes or more
            }

            var files = new Dictionary<string, FileRecord>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var (slot, sitePath, hash, bytes) = (reader.ReadString(), reader.ReadString(), ReadHash(reader), reader.ReadInt64());
                var carried = reader.ReadInt32();
                if (carried < 0 || carried > sources.Length)
                {
                    return null; // not a state this code wrote: assemble the index in full
                }

                var docs = new int[carried];
                for (var d = 0; d < docs.Length; d++)
                {
                    docs[d] = reader.ReadInt32();
                }

                files[slot] = new FileRecord(sitePath, hash, bytes, docs);
            }

            return new SearchState(inputs, frame, urls, sources, dates, files);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException)
        {
            return null; // a torn state costs one full index, nothing more
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(new BufferedStream(File.Create(temporary), 1 << 16)))
        {
            writer.Write(Version);
            WriteHash(writer, Inputs);
            WriteHash(writer, Frame);
            writer.Write(Sources.Length);
            for (var i = 0; i < Sources.Length; i++)
            {
                writer.Write(Urls[i]);
                WriteHash(writer, Sources[i]);
                writer.Write(Dates[i]);
            }

            writer.Write(Files.Count);
            foreach (var (slot, file) in Files)
            {
                writer.Write(slot);
                writer.Write(file.SitePath);
                WriteHash(writer, file.Hash);
                writer.Write(file.Bytes);
                writer.Write(file.Docs.Length);
                Array.ForEach(file.Docs, writer.Write);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static UInt128 ReadHash(BinaryReader reader) => new(reader.ReadUInt64(), reader.ReadUInt64());

    private static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)(hash >> 64));
        writer.Write((ulong)hash);
    }
}
