using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace PopCulture.Site.Search;

/// <summary>
/// The site's search analysis (docs/search-index.md): NFKC width folding, lower case, CJK bigrams beside Latin words and
/// numbers, so that any two-character substring of Chinese text matches; <see cref="Words"/> adds SmartCn dictionary words.
/// </summary>
public sealed class SearchAnalyzer : Analyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Loading SmartCn's dictionaries takes a while: only analysers asked for words pay it.
    private const int MaxInterned = 1 << 20;

    private readonly ThreadLocal<Dictionary<string, string>> _interned = new(() => new(StringComparer.Ordinal));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _tagWords = new(StringComparer.Ordinal);

    private readonly Lazy<SmartChineseAnalyzer> _words = new(() => new SmartChineseAnalyzer(Version, useDefaultStopWords: false));

    /// <summary>
    /// Text as the tokenizer sees it: NFKC-folded (０～３岁 → 0~3岁) with every char that is neither a letter nor a digit
    /// made a space, so the browser's one-line tokenizer and Lucene's StandardTokenizer cut text the same way.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return string.Create(folded.Length, folded, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsLetterOrDigit(c) || char.IsSurrogate(c) ? c : ' ';
            }
        });
    }

    /// <summary>
    /// Appends the analysed terms of <paramref name="text"/> to <paramref name="terms"/>, in order: the analyser's tokens,
    /// plus the first and last character of every run of CJK text as a unigram, so a query's lone character next to a
    /// number (the 岁 of 0～3岁) or a word boundary matches without indexing every character twice.
    /// </summary>
    public void Terms(string text, List<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var stream = GetTokenStream("text", Normalize(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        string? previous = null;
        var previousStart = -2;
        while (stream.IncrementToken())
        {
            var current = Intern(term.Buffer.AsSpan(0, term.Length));
            var start = offset.StartOffset;
            var bigram = IsBigram(current);
            var continues = bigram && previous is not null && IsBigram(previous) && start == previousStart + 1;
            if (previous is not null && IsBigram(previous) && !continues)
            {
                terms.Add(Intern(previous.AsSpan(1))); // the last character of the run that just ended
            }

            if (bigram && !continues)
            {
                terms.Add(Intern(current.AsSpan(0, 1)));
            }

            terms.Add(current);
            previous = current;
            previousStart = start;
        }

        if (previous is not null && IsBigram(previous))
        {
            terms.Add(Intern(previous.AsSpan(1)));
        }

        stream.End();
    }

    /// <summary>
    /// One string per distinct term and thread: a site's text has a few tens of thousands of terms but millions of
    /// tokens, and a string per token was most of the analysis's garbage. Capped, so odd input cannot grow it unbounded.
    /// </summary>
    private string Intern(ReadOnlySpan<char> term)
    {
        var table = _interned.Value!;
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(term, out var known))
        {
            return known;
        }

        var made = term.ToString();
        if (table.Count < MaxInterned)
        {
            table[made] = made;
        }

        return made;
    }

    private static bool IsBigram(string term) => term.Length == 2 && QueryTerms.IsCjk(term[0]) && QueryTerms.IsCjk(term[1]);

    /// <summary>The dictionary words of three or more Han characters in <paramref name="text"/> (SmartCn), for titles and tags.</summary>
    public IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = _words.Value.GetTokenStream("text", Normalize(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (word.Length >= 3 && word.All(IsHan))
            {
                words.Add(word);
            }
        }

        stream.End();
        return words;
    }

    /// <summary>
    /// <see cref="Words"/> of tags, one a line, each tag segmented once per analyser: the same few hundred districts,
    /// domains and age bands recur on thousands of pages, and SmartCn costs ~60 µs a call.
    /// </summary>
    public IEnumerable<string> TagWords(string tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.Split('\n').SelectMany(tag => _tagWords.GetOrAdd(tag, t => [.. Words(t)]));
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    protected override void Dispose(bool disposing)
    {
        if (disposing && _words.IsValueCreated)
        {
            _words.Value.Dispose();
        }

        if (disposing)
        {
            _interned.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new CjkRunTokenizer(reader);
        TokenStream result = new CJKWidthFilter(source);
        result = new LowerCaseFilter(Version, result);
        result = new CJKBigramFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
