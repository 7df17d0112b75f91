using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PopCulture.Cms.Search;

/// <summary>
/// Builds the Lucene query for a search box's text: every word is required, and matches as a phrase of its analysed
/// tokens in any text field (so 育儿 matches the bigram 育儿 and 青春期 the run 青春·春期), weighted by field.
/// </summary>
internal static class SearchQueryBuilder
{
    /// <summary>Words past this many are ignored: a pasted paragraph must not become a thousand-clause query.</summary>
    public const int MaxWords = 12;

    /// <summary>A slug match weighs like a heading match: the editor named the entry so.</summary>
    private const float SlugBoost = 4f;

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', '\u3000', ',', '，', '、', ';', '；'];

    /// <summary>The query for <paramref name="text"/>, or null when it has nothing searchable (only stop words or punctuation).</summary>
    public static Query? Build(Analyzer analyzer, string text, IndexReader reader)
    {
        var all = new BooleanQuery();
        var phraseParts = new List<Term[]>();
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxWords))
        {
            var anyField = new BooleanQuery();
            foreach (var (field, boost) in SearchFields.Weighted)
            {
                var positions = Analyze(analyzer, field, word);
                if (positions.Count == 0)
                {
                    continue;
                }

                positions = LoneCharacters.Expand(reader, positions);

                var query = Phrase(field, positions);
                query.Boost = boost;
                anyField.Add(query, Occur.SHOULD);
                if (field == SearchFields.Body)
                {
                    phraseParts.AddRange(positions);
                }
            }

            if (SlugPart(word) is { } part)
            {
                // Working copies carry their slug whole: "park" finds park-visit and parkour, as editors expect of a slug.
                anyField.Add(new WildcardQuery(new Term(SearchFields.SlugText, "*" + part + "*")) { Boost = SlugBoost }, Occur.SHOULD);
            }

            if (anyField.Clauses.Count > 0)
            {
                all.Add(anyField, Occur.MUST);
            }
        }

        if (all.Clauses.Count == 0)
        {
            return null;
        }

        // Several words close together in the body rank above the same words pages apart.
        if (all.Clauses.Count > 1 && phraseParts.Count > 1)
        {
            var near = new MultiPhraseQuery { Slop = 8 * all.Clauses.Count, Boost = 2f };
            foreach (var terms in phraseParts)
            {
                near.Add(terms);
            }

            all.Add(near, Occur.SHOULD);
        }

        return all;
    }

    /// <summary>
    /// The query a highlighter marks: the words without the nearness bonus. That clause adds no term to mark, but as a
    /// sloppy phrase it makes the highlighter index each hit's body again to check positions (milliseconds a hit).
    /// </summary>
    public static Query ForHighlighting(Query query)
    {
        if (query is not BooleanQuery all || all.Clauses.All(c => c.Occur == Occur.MUST))
        {
            return query;
        }

        var words = new BooleanQuery();
        foreach (var clause in all.Clauses.Where(c => c.Occur == Occur.MUST))
        {
            words.Add(clause);
        }

        return words;
    }

    /// <summary>
    /// The word lower-cased when it could be part of a slug (ASCII letters, digits, '-' and '_'), else null; wildcard
    /// characters can then never reach the query.
    /// </summary>
    private static string? SlugPart(string word) =>
        word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && word.Any(char.IsAsciiLetterOrDigit) ? word.ToLowerInvariant() : null;

    /// <summary>The analysed tokens of <paramref name="word"/>, grouped by position (an analyser may stack a word over its bigrams).</summary>
    private static List<Term[]> Analyze(Analyzer analyzer, string field, string word)
    {
        var positions = new List<List<Term>>();
        using var stream = analyzer.GetTokenStream(field, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0 || positions.Count == 0)
            {
                positions.Add([]);
            }

            positions[^1].Add(new Term(field, term.ToString()));
        }

        stream.End();
        return [.. positions.Select(p => p.ToArray())];
    }

    private static Query Phrase(string field, List<Term[]> positions)
    {
        if (positions.Count == 1)
        {
            if (positions[0].Length == 1)
            {
                return new TermQuery(positions[0][0]);
            }

            var any = new BooleanQuery();
            foreach (var term in positions[0])
            {
                any.Add(new TermQuery(term), Occur.SHOULD);
            }

            return any;
        }

        var phrase = new MultiPhraseQuery();
        foreach (var terms in positions)
        {
            phrase.Add(terms);
        }

        return phrase;
    }
}
