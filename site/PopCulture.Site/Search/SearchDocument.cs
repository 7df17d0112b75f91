namespace PopCulture.Site.Search;

/// <summary>
/// One document's analysed terms, each with its stored weight and first position: what the index needs of a page,
/// cached by the page's source hash.
/// </summary>
public sealed record SearchDocument(UInt128 SourceHash, string[] Terms, int[] Weights, int[] FirstPositions)
{
    /// <summary>No terms: the analysis of a doc id before its page existed, or after it is gone.</summary>
    internal static readonly SearchDocument None = new(UInt128.Zero, [], [], []);

    /// <summary>Analyses the four fields (title, tags, headings, body) of a document.</summary>
    public static SearchDocument Analyze(SearchAnalyzer analyzer, UInt128 sourceHash, DocumentText text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        var fields = new[] { text.Title, text.Tags, text.Headings, text.Body };
        var stats = new Dictionary<string, (int[] Tf, int First)>(StringComparer.Ordinal);
        var lengths = new int[fields.Length];
        var position = 0;
        var terms = new List<string>();
        for (var f = 0; f < fields.Length; f++)
        {
            terms.Clear();
            analyzer.Terms(fields[f], terms);
            if (f == 0)
            {
                // Dictionary words only where they are short and matter most: SmartCn is ~5× slower than bigrams.
                terms.AddRange(analyzer.Words(fields[f]));
            }
            else if (f == 1)
            {
                terms.AddRange(analyzer.TagWords(fields[f]));
            }

            lengths[f] = terms.Count;
            foreach (var term in terms)
            {
                if (!stats.TryGetValue(term, out var stat))
                {
                    stat = (new int[fields.Length], position);
                    stats[term] = stat;
                }

                stat.Tf[f]++;
                position++;
            }

            position += SearchRanking.FieldGap;
        }

        var names = new string[stats.Count];
        var weights = new int[stats.Count];
        var firsts = new int[stats.Count];
        var i = 0;
        foreach (var (term, (tf, first)) in stats)
        {
            names[i] = term;
            weights[i] = SearchRanking.Weight(tf, lengths);
            firsts[i] = first;
            i++;
        }

        return new SearchDocument(sourceHash, names, weights, firsts);
    }
}
