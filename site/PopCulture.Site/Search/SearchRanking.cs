namespace PopCulture.Site.Search;

/// <summary>
/// The ranking constants and formulas of docs/search-index.md, shared by the index writer and the query engine so the
/// tests rank exactly as the browser does.
/// </summary>
public static class SearchRanking
{
    public const int FormatVersion = 3;

    public const double K1 = 1.2;

    public const double B = 0.75;

    public const double Phrase = 0.25;

    /// <summary>Positions between fields, so a phrase never spans a title and a body.</summary>
    public const int FieldGap = 100;

    /// <summary>Field boosts, in stream order: title, tags, headings, body.</summary>
    public static readonly IReadOnlyList<int> Boosts = [6, 3, 2, 1];

    /// <summary>
    /// Fixed reference lengths rather than corpus averages: with averages, editing one page would change every page's
    /// weights and rewrite every shard.
    /// </summary>
    public static readonly IReadOnlyList<int> ReferenceLengths = [16, 12, 60, 1500];

    /// <summary>
    /// The stored weight of a term in a doc: 100 × Σ boost × tf / length norm, at least 1, kept to two significant
    /// digits. Ranking barely notices (±5 % at most), and a common word's list of a few thousand weights then repeats
    /// a few hundred values, which gzip packs to half.
    /// </summary>
    public static int Weight(ReadOnlySpan<int> termFrequencies, ReadOnlySpan<int> fieldLengths)
    {
        var sum = 0.0;
        for (var f = 0; f < termFrequencies.Length; f++)
        {
            if (termFrequencies[f] > 0)
            {
                sum += Boosts[f] * termFrequencies[f] / (1 - B + (B * fieldLengths[f] / ReferenceLengths[f]));
            }
        }

        return TwoDigits(Math.Max(1, (int)Math.Floor((sum * 100) + 0.5)));
    }

    private static int TwoDigits(int weight)
    {
        var unit = 1;
        while (weight >= unit * 100)
        {
            unit *= 10;
        }

        return (weight + (unit / 2)) / unit * unit;
    }

    public static double Idf(int documents, int df) => Math.Log(1 + ((documents - df + 0.5) / (df + 0.5)));

    public static double TermScore(double idf, int weight)
    {
        var tf = weight / 100.0;
        return idf * tf * (K1 + 1) / (tf + K1);
    }

    /// <summary>The score compared when ranking: rounded so C# and JavaScript doubles agree on ties.</summary>
    public static long Rounded(double score) => (long)Math.Floor((score * 1e6) + 0.5);
}
