using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PopCulture.Cms.Content;

namespace PopCulture.Cms.Search;

/// <summary>
/// One in-memory Lucene index (live copies, or working copies) with near-real-time readers: a single writer
/// (the refresher) changes it, any number of requests search it.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private static readonly Sort RankThenRecency = new(SortField.FIELD_SCORE, new SortField(SearchFields.Date, SortFieldType.INT64, true));

    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Dictionary<Guid, string> _fingerprints = [];
    private int _count;

    internal SearchIndex(Analyzer analyzer)
    {
        _analyzer = analyzer;
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    /// <summary>How many documents are searchable.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The index's size in memory, in bytes.</summary>
    public long SizeInBytes => _directory.GetSizeInBytes();

    /// <summary>What each indexed entry was indexed from; only the refresher reads and writes it.</summary>
    internal IReadOnlyDictionary<Guid, string> Fingerprints => _fingerprints;

    internal void Upsert(SearchSource source)
    {
        _writer.UpdateDocument(new Term(SearchFields.Id, source.Entry.Id.ToString("D")), SearchDocuments.Build(source));
        _fingerprints[source.Entry.Id] = source.Fingerprint;
    }

    internal void Delete(Guid id)
    {
        _writer.DeleteDocuments(new Term(SearchFields.Id, id.ToString("D")));
        _fingerprints.Remove(id);
    }

    /// <summary>Makes the changes so far visible to searches (no disk commit: the database is the record).</summary>
    internal void Publish()
    {
        _searchers.MaybeRefreshBlocking();
        Volatile.Write(ref _count, _fingerprints.Count);
    }

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var searcher = _searchers.Acquire();
        try
        {
            var text = TextQuery(request, searcher);
            if (request.Text.Length > 0 && text is null)
            {
                // Only punctuation or stop words: nothing can match.
                return new SearchResults(request.Text, [], request.Page, request.PageSize, 0, Empty());
            }

            var query = text ?? new MatchAllDocsQuery();
            var filter = Filter(request);
            // One pass over the matches collects both the page's hits and the facet counts.
            var ranked = TopFieldCollector.Create(
                SortFor(request.Order), request.Page * request.PageSize, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCollector(SearchFields.Facets);
            searcher.Search(query, filter, MultiCollector.Wrap(ranked, facets));
            var top = ranked.GetTopDocs();
            var highlighter = new SnippetHighlighter(_analyzer, text is null ? null : SearchQueryBuilder.ForHighlighting(text));
            var hits = top.ScoreDocs.Skip((request.Page - 1) * request.PageSize)
                .Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score, highlighter))
                .ToList();
            return new SearchResults(request.Text, hits, request.Page, request.PageSize, top.TotalHits, facets.Counts());
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Only the facet counts over every match of <paramref name="request"/>: no hits read, nothing highlighted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TermCount>> Facets(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var searcher = _searchers.Acquire();
        try
        {
            var text = TextQuery(request, searcher);
            if (request.Text.Length > 0 && text is null)
            {
                return Empty();
            }

            var facets = new FacetCollector(SearchFields.Facets);
            searcher.Search(text ?? new MatchAllDocsQuery(), Filter(request), facets);
            return facets.Counts();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private Query? TextQuery(SearchRequest request, IndexSearcher searcher) =>
        request.Text.Length == 0 ? null : SearchQueryBuilder.Build(_analyzer, request.Text, searcher.IndexReader);

    // Ties fall to the id, so a list pages stably when many entries share a title or a time.
    private static Sort SortFor(SearchOrder? order)
    {
        if (order is null)
        {
            return RankThenRecency;
        }

        var byId = new SortField(SearchFields.SortId, SortFieldType.STRING);
        return order.By switch
        {
            SearchOrderBy.Title => new Sort(new SortField(SearchFields.SortTitle, SortFieldType.STRING, order.Descending), byId),
            // WorkflowStatus is declared in workflow order, so its number sorts drafts first.
            SearchOrderBy.State => new Sort(
                new SortField(SearchFields.SortState, SortFieldType.INT64, order.Descending),
                new SortField(SearchFields.SortUpdated, SortFieldType.INT64, true),
                byId),
            _ => new Sort(new SortField(SearchFields.SortUpdated, SortFieldType.INT64, order.Descending), byId),
        };
    }

    private static QueryWrapperFilter? Filter(SearchRequest request)
    {
        var filter = new BooleanQuery();
        foreach (var (name, value) in request.Filters)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Facet(name), value)), Occur.MUST);
        }

        if (request.Status is { } status)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Status, status)), Occur.MUST);
        }

        if (request.Sections is { } sections)
        {
            // No readable section at all must match nothing, not everything.
            var any = new BooleanQuery();
            foreach (var section in sections)
            {
                any.Add(new TermQuery(new Term(SearchFields.Facet("section"), section.Length == 0 ? DeliveryApi.RootSection : section)), Occur.SHOULD);
            }

            filter.Add(sections.Count == 0 ? new TermQuery(new Term(SearchFields.Id, "")) : any, Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document document, float score, SnippetHighlighter highlighter)
    {
        var section = document.Get(SearchFields.Facet("section"), CultureInfo.InvariantCulture);
        var slug = document.Get(SearchFields.Slug, CultureInfo.InvariantCulture);
        var title = document.Get(SearchFields.Title, CultureInfo.InvariantCulture);
        var siteSection = section == DeliveryApi.RootSection ? "" : section;
        return new SearchHit(
            Guid.Parse(document.Get(SearchFields.Id, CultureInfo.InvariantCulture)),
            siteSection,
            slug,
            document.Get(SearchFields.Facet("type"), CultureInfo.InvariantCulture),
            title,
            PopCulture.Site.Model.SiteUrls.ItemPath(siteSection, slug == ContentValidator.IndexSlug ? "" : slug),
            document.Get(SearchFields.Date, CultureInfo.InvariantCulture),
            document.Get(SearchFields.Summary, CultureInfo.InvariantCulture),
            highlighter.Title(title),
            highlighter.Body(document.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? ""),
            float.IsNaN(score) ? 0 : score,
            document.Get(SearchFields.Status, CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, IReadOnlyList<TermCount>> Empty() =>
        SearchFields.Facets.ToDictionary(f => f, _ => (IReadOnlyList<TermCount>)[], StringComparer.Ordinal);

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
