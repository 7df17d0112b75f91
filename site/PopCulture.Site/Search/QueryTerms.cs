using System.Text;

namespace PopCulture.Site.Search;

/// <summary>
/// A query's terms, cut as docs/search-index.md says and as search.js cuts them: the bigrams of its CJK runs and its
/// other words are required; CJK runs of three or more characters are optional whole-word terms.
/// </summary>
public sealed record QueryTerms(IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    /// <summary>Queries longer than this are cut: nobody types them, and each term costs a fetch.</summary>
    public const int MaxLength = 64;

    public static QueryTerms Parse(string? query)
    {
        var text = SearchAnalyzer.Normalize(query ?? "").ToLowerInvariant();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        var required = new List<string>();
        var optional = new List<string>();
        var run = new StringBuilder();
        var cjkRun = false;
        void Flush()
        {
            if (run.Length == 0)
            {
                return;
            }

            var s = run.ToString();
            if (!cjkRun)
            {
                Add(required, s);
            }
            else if (s.Length == 1)
            {
                Add(required, s);
            }
            else
            {
                for (var i = 0; i + 1 < s.Length; i++)
                {
                    Add(required, s.Substring(i, 2));
                }

                if (s.Length >= 3)
                {
                    Add(optional, s);
                }
            }

            run.Clear();
        }

        foreach (var c in text)
        {
            if (c == ' ')
            {
                Flush();
                continue;
            }

            var cjk = IsCjk(c);
            if (run.Length > 0 && cjk != cjkRun)
            {
                Flush();
            }

            cjkRun = cjk;
            run.Append(c);
        }

        Flush();
        return new QueryTerms(required, optional);
    }

    /// <summary>Han, kana and Hangul: the scripts Lucene's CJKBigramFilter pairs.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF';

    private static void Add(List<string> terms, string term)
    {
        if (!terms.Contains(term))
        {
            terms.Add(term);
        }
    }
}
