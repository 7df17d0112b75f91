using System.Text;
using Lucene.Net.Analysis;
using PopCulture.Site.Search;

namespace PopCulture.Cms.Search;

/// <summary>
/// The static site's analysis (<see cref="SearchAnalyzer"/>: width folding, lower case, CJK bigrams), with its text
/// normalisation applied inside the analyser so token offsets still point into the original text for highlighting.
/// </summary>
internal sealed class SearchAnalyzers : AnalyzerWrapper
{
    // One immutable table, built once: the per-character form of SearchAnalyzer.Normalize.
    private static readonly Lazy<char[]> Folds = new(BuildFolds);

    private readonly SearchAnalyzer _inner = new();

    private SearchAnalyzers()
        : base(GLOBAL_REUSE_STRATEGY)
    {
    }

    public static Analyzer Create() => new SearchAnalyzers();

    /// <summary>
    /// NFKC per character, then anything not a letter or digit becomes a space, as SearchAnalyzer.Normalize does, but
    /// always one character for one, so offsets are kept. The rare character whose NFKC form is several letters
    /// (㎏ → kg) stays itself instead: it then analyses as the site's index would not, which no search here relies on.
    /// </summary>
    public static string Fold(string text)
    {
        var folds = Folds.Value;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsSurrogate(c) ? c : folds[c];
            }
        });
    }

    protected override Analyzer GetWrappedAnalyzer(string fieldName) => _inner;

    protected override TextReader WrapReader(string fieldName, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new StringReader(Fold(reader.ReadToEnd()));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static char[] BuildFolds()
    {
        var folds = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                folds[i] = c;
                continue;
            }

            var folded = c;
            if (i >= 0x80)
            {
                var normal = char.IsLetterOrDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsWhiteSpace(c)
                    ? c.ToString().Normalize(NormalizationForm.FormKC)
                    : "";
                folded = normal.Length == 1 ? normal[0] : c;
            }

            folds[i] = char.IsLetterOrDigit(folded) ? folded : ' ';
        }

        return folds;
    }
}
