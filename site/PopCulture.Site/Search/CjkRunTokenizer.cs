using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace PopCulture.Site.Search;

/// <summary>
/// Cuts normalised text (<see cref="SearchAnalyzer.Normalize"/>: letters, digits and spaces) the way the browser cuts a
/// query: each CJK character is a token, typed as StandardTokenizer types it so that CJKBigramFilter pairs it with its
/// neighbours, and each run of other letters and digits is one token. It stands in for StandardTokenizer, whose
/// Unicode word-break machinery does nothing more on such text and made up most of the index's build time.
/// </summary>
internal sealed class CjkRunTokenizer : Tokenizer
{
    private static readonly string Ideographic = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    private static readonly string Hiragana = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA];
    private static readonly string Katakana = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];
    private static readonly string Hangul = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];
    private static readonly string Alphanumeric = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _increment;
    private readonly char[] _block = new char[4096]; // the tokenizer is reused per thread: one read buffer for all its texts
    private string _text = "";
    private int _position;

    public CjkRunTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        var text = _text;
        var i = _position;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            _position = i;
            return false;
        }

        var start = i;
        if (QueryTerms.IsCjk(text[i]))
        {
            _type.Type = TypeOf(text[i]);
            i++;
        }
        else
        {
            while (i < text.Length && IsWordChar(text[i]) && !QueryTerms.IsCjk(text[i]))
            {
                i++;
            }

            _type.Type = Alphanumeric;
        }

        _position = i;
        var buffer = _term.ResizeBuffer(i - start);
        text.CopyTo(start, buffer, 0, i - start);
        _term.Length = i - start;
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(i));
        _increment.PositionIncrement = 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        // Lucene's reusable string reader answers ReadToEnd with null; read it in blocks.
        var text = new System.Text.StringBuilder();
        for (int read; (read = m_input.Read(_block, 0, _block.Length)) > 0;)
        {
            text.Append(_block, 0, read);
        }

        _text = text.ToString();
        _position = 0;
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_text.Length);
        _offset.SetOffset(end, end);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c);

    private static string TypeOf(char c) => c switch
    {
        >= '\u3040' and <= '\u309F' => Hiragana,
        >= '\u30A0' and <= '\u30FF' => Katakana,
        >= '\uAC00' and <= '\uD7AF' => Hangul,
        _ => Ideographic,
    };
}
