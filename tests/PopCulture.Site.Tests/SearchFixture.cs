using PopCulture.Site.Content;
using PopCulture.Site.Model;
using PopCulture.Site.Search;

namespace PopCulture.Site.Tests;

/// <summary>The search index of the repository's content/, built once in memory for the relevance suite (read-only).</summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public SiteModel Model { get; private set; } = null!;

    public IReadOnlyDictionary<string, SearchIndexFile> Files { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var diagnostics = new DiagnosticBag();
        var snapshot = await new FolderContentSource(Path.Combine(TempSite.RepositoryRoot, "content")).LoadAsync(diagnostics, CancellationToken.None);
        Model = SiteModelBuilder.Build(snapshot, includeDrafts: false, pageSize: 20, diagnostics);
        Files = Build(Model);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A fresh engine, as a browser tab that has fetched nothing yet.</summary>
    public SearchEngine Engine() => new(path => Files[path].Json);

    public static Dictionary<string, SearchIndexFile> Build(SiteModel model)
    {
        var documents = SearchIndexBuilder.Documents(model);
        using var analyzer = new SearchAnalyzer();
        var analysed = documents.Select(d => SearchDocument.Analyze(analyzer, d.SourceHash, DocumentText.Of(d))).ToList();
        return SearchIndexBuilder.Build(model, documents, analysed).ToDictionary(f => f.SitePath, StringComparer.Ordinal);
    }
}
