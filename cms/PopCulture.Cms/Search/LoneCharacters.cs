using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PopCulture.Cms.Search;

/// <summary>
/// Lets a single Chinese character match inside bigrams. The bigram analysis indexes 岁科 for "3岁科学", never 岁 alone,
/// so the 岁 of a query "0～3岁" (isolated by the digit) or a one-character search would find nothing; it is widened
/// to the indexed bigrams that start with it (after another token) or end with it (before another token).
/// </summary>
internal static class LoneCharacters
{
    /// <summary>Enough alternatives for any real character; bounds the query a common character can make.</summary>
    private const int MaxAlternatives = 64;

    public static List<Term[]> Expand(IndexReader reader, List<Term[]> positions)
    {
        var result = new List<Term[]>(positions.Count);
        for (var i = 0; i < positions.Count; i++)
        {
            if (positions[i] is [var term] && term.Text is [var c] && IsHan(c))
            {
                var first = i == 0;
                var last = i == positions.Count - 1;
                result.Add([term, .. Bigrams(reader, term.Field, c, starting: !first || last, ending: first)]);
            }
            else
            {
                result.Add(positions[i]);
            }
        }

        return result;
    }

    private static List<Term> Bigrams(IndexReader reader, string field, char c, bool starting, bool ending)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return [];
        }

        var found = new List<Term>();
        var iterator = terms.GetEnumerator();
        if (ending)
        {
            // Bigrams ending in c are spread over the whole dictionary: one pass over its terms.
            while (found.Count < MaxAlternatives && iterator.MoveNext())
            {
                var text = iterator.Term.Utf8ToString();
                if (text.Length == 2 && text[1] == c)
                {
                    found.Add(new Term(field, text));
                }
            }

            iterator = terms.GetEnumerator();
        }

        if (starting && iterator.SeekCeil(new BytesRef(c.ToString())) != TermsEnum.SeekStatus.END)
        {
            var added = 0;
            do
            {
                var text = iterator.Term.Utf8ToString();
                if (text.Length == 0 || text[0] != c)
                {
                    break;
                }

                if (text.Length == 2)
                {
                    found.Add(new Term(field, text));
                    added++;
                }
            }
            while (added < MaxAlternatives && iterator.MoveNext());
        }

        return found;
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
