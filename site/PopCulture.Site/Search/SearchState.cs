namespace PopCulture.Site.Search;

/// <summary>What the last search stage wrote, and from what: lets a rebuild with nothing changed skip the stage.</summary>
internal sealed record SearchState(UInt128 Inputs, IReadOnlyList<SearchState.FileRecord> Files)
{
    public sealed record FileRecord(string SitePath, UInt128 Hash, long Bytes);

    public static SearchState? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var inputs = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
            var files = new FileRecord[reader.ReadInt32()];
            for (var i = 0; i < files.Length; i++)
            {
                files[i] = new FileRecord(reader.ReadString(), new UInt128(reader.ReadUInt64(), reader.ReadUInt64()), reader.ReadInt64());
            }

            return new SearchState(inputs, files);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException)
        {
            return null;
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write((ulong)(Inputs >> 64));
            writer.Write((ulong)Inputs);
            writer.Write(Files.Count);
            foreach (var file in Files)
            {
                writer.Write(file.SitePath);
                writer.Write((ulong)(file.Hash >> 64));
                writer.Write((ulong)file.Hash);
                writer.Write(file.Bytes);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
