namespace PopCulture.Cms.Search;

/// <summary>This node's two indexes: live copies for the public search, working copies for the management search.</summary>
public sealed class SearchIndexes : IDisposable
{
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = SearchAnalyzers.Create();

    public SearchIndexes()
    {
        Public = new SearchIndex(_analyzer);
        Manage = new SearchIndex(_analyzer);
    }

    public SearchIndex Public { get; }

    public SearchIndex Manage { get; }

    public void Dispose()
    {
        Public.Dispose();
        Manage.Dispose();
        _analyzer.Dispose();
    }
}
