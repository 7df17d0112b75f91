namespace PopCulture.Site.Search;

/// <summary>
/// The analysed documents of the last build, by source hash, in the build cache folder: a rebuild analyses only the
/// documents whose source changed. Content-addressed, so a stale or foreign file is never wrong, only unused.
/// </summary>
internal static class AnalysisCache
{
    private const string FileName = "search-docs.bin";
    // Bumped with the file layout as well as with the index format.
    private const int Version = (SearchRanking.FormatVersion * 100) + 2;

    public static Dictionary<UInt128, SearchDocument> Load(string cacheDirectory)
    {
        var documents = new Dictionary<UInt128, SearchDocument>();
        var path = Path.Combine(cacheDirectory, FileName);
        if (!File.Exists(path))
        {
            return documents;
        }

        try
        {
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 16));
            if (reader.ReadInt32() != Version)
            {
                return documents;
            }

            // Terms are stored once in a vocabulary and referred to by number: a tenth of the size, and one string per term.
            var vocabulary = new string[reader.ReadInt32()];
            for (var v = 0; v < vocabulary.Length; v++)
            {
                vocabulary[v] = reader.ReadString();
            }

            var count = reader.ReadInt32();
            for (var d = 0; d < count; d++)
            {
                var hash = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
                var terms = new string[reader.Read7BitEncodedInt()];
                var weights = new int[terms.Length];
                var firsts = new int[terms.Length];
                for (var t = 0; t < terms.Length; t++)
                {
                    terms[t] = vocabulary[reader.Read7BitEncodedInt()];
                    weights[t] = reader.Read7BitEncodedInt();
                    firsts[t] = reader.Read7BitEncodedInt();
                }

                documents[hash] = new SearchDocument(hash, terms, weights, firsts);
            }
        }
        catch (Exception e) when (e is IOException or FormatException or EndOfStreamException)
        {
            documents.Clear(); // a torn file costs one full analysis, nothing more
        }

        return documents;
    }

    public static void Save(string cacheDirectory, IEnumerable<SearchDocument> documents)
    {
        Directory.CreateDirectory(cacheDirectory);
        var path = Path.Combine(cacheDirectory, FileName);
        var temporary = path + ".tmp";
        var list = documents.Where(d => d.SourceHash != UInt128.Zero).DistinctBy(d => d.SourceHash).ToList();
        using (var writer = new BinaryWriter(new BufferedStream(File.Create(temporary), 1 << 16)))
        {
            writer.Write(Version);
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var vocabulary = new List<string>();
            foreach (var term in list.SelectMany(d => d.Terms))
            {
                if (numbers.TryAdd(term, vocabulary.Count))
                {
                    vocabulary.Add(term);
                }
            }

            writer.Write(vocabulary.Count);
            vocabulary.ForEach(writer.Write);

            writer.Write(list.Count);
            foreach (var doc in list)
            {
                writer.Write((ulong)(doc.SourceHash >> 64));
                writer.Write((ulong)doc.SourceHash);
                writer.Write7BitEncodedInt(doc.Terms.Length);
                for (var t = 0; t < doc.Terms.Length; t++)
                {
                    writer.Write7BitEncodedInt(numbers[doc.Terms[t]]);
                    writer.Write7BitEncodedInt(doc.Weights[t]);
                    writer.Write7BitEncodedInt(doc.FirstPositions[t]);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
