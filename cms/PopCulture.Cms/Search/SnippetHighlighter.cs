using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace PopCulture.Cms.Search;

/// <summary>Highlighted, HTML-escaped title and body fragments for a hit, matches wrapped in <c>&lt;mark&gt;</c>.</summary>
internal sealed class SnippetHighlighter(Analyzer analyzer, Query? query)
{
    private const int FragmentChars = 60;
    private const int Fragments = 2;
    private const int PlainSnippetChars = 120;

    private readonly QueryScorer? _title = query is null ? null : new QueryScorer(query, SearchFields.Title);
    private readonly QueryScorer? _body = query is null ? null : new QueryScorer(query, SearchFields.Body);

    public string Title(string title)
    {
        if (_title is null)
        {
            return Escape(title);
        }

        var highlighter = Create(title, _title, new NullFragmenter());
        return highlighter.GetBestFragment(analyzer, SearchFields.Title, title) ?? Escape(title);
    }

    /// <summary>The best fragments of the body, or its opening when nothing in it matched (a title or tag match, or no query).</summary>
    public string Body(string body)
    {
        if (_body is not null)
        {
            var highlighter = Create(body, _body, new SimpleFragmenter(FragmentChars));
            var fragments = highlighter.GetBestFragments(analyzer.GetTokenStream(SearchFields.Body, body), body, Fragments);
            if (fragments.Length > 0)
            {
                return string.Join(" … ", fragments.Select(f => f.ReplaceLineEndings(" ").Trim()));
            }
        }

        var opening = body.Length > PlainSnippetChars ? body[..PlainSnippetChars] + "…" : body;
        return Escape(opening.ReplaceLineEndings(" ").Trim());
    }

    // The encoder escapes the text between marked groups; MarkFormatter escapes the groups themselves.
    private static Highlighter Create(string text, QueryScorer scorer, IFragmenter fragmenter) =>
        new(new MarkFormatter(text), new HtmlTextEncoder(), scorer) { TextFragmenter = fragmenter };

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
