using System.Diagnostics;
using PopCulture.Site.Content;
using PopCulture.Site.Incremental;
using PopCulture.Site.Model;
using PopCulture.Site.Output;

namespace PopCulture.Site.Search;

/// <summary>
/// The build's search stage: analyses the documents whose source changed (the rest come from the build cache),
/// assembles the index and writes, through the output writer, only the files whose content changed.
/// </summary>
public sealed class SearchStage(string cacheDirectory, int maxDegreeOfParallelism)
{
    private const string StateFile = "search-state.bin";

    public async Task<SearchIndexStats> WriteAsync(SiteModel model, OutputWriter writer, IReadOnlyDictionary<string, UInt128>? liveFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        var clock = Stopwatch.StartNew();
        var documents = SearchIndexBuilder.Documents(model);
        var inputs = InputsHash(model, documents);

        // Nothing the index is made of changed and the live site has every file of it: keep them, read nothing more.
        var state = SearchState.Load(Path.Combine(cacheDirectory, StateFile));
        if (state is not null && state.Inputs == inputs && liveFiles is not null && state.Files.All(f => liveFiles.GetValueOrDefault(f.SitePath) == f.Hash))
        {
            foreach (var file in state.Files)
            {
                await writer.BytesAsync(file.SitePath, file.Hash, () => throw new InvalidOperationException("kept file remade"), cancellationToken).ConfigureAwait(false);
            }

            return new SearchIndexStats(documents.Count, 0, state.Files.Count, 0, state.Files.Sum(f => f.Bytes), clock.Elapsed);
        }

        var (analysed, fresh) = Analyse(documents, cancellationToken);
        var files = SearchIndexBuilder.Build(model, documents, analysed);
        var sizes = state?.Files.ToDictionary(f => f.SitePath, f => f.Bytes, StringComparer.Ordinal) ?? [];
        var written = 0;
        var kept = new List<SearchState.FileRecord>(files.Count);
        foreach (var file in files)
        {
            var bytes = sizes.GetValueOrDefault(file.SitePath, -1);
            await writer.BytesAsync(file.SitePath, file.Hash, () =>
            {
                var compressed = file.SitePath == SearchIndexFile.ManifestPath ? file.Json : file.Compressed();
                bytes = compressed.Length;
                written++;
                return compressed;
            }, cancellationToken).ConfigureAwait(false);
            if (bytes < 0)
            {
                bytes = file.SitePath == SearchIndexFile.ManifestPath ? file.Json.Length : file.Compressed().Length;
            }

            kept.Add(new SearchState.FileRecord(file.SitePath, file.Hash, bytes));
        }

        if (fresh > 0)
        {
            AnalysisCache.Save(cacheDirectory, analysed);
        }

        new SearchState(inputs, kept).Save(Path.Combine(cacheDirectory, StateFile));
        return new SearchIndexStats(documents.Count, fresh, files.Count, written, kept.Sum(f => f.Bytes), clock.Elapsed);
    }

    /// <summary>Every document's analysis, from the cache where its source hash is known; and how many were analysed afresh.</summary>
    private (SearchDocument[] Analysed, int Fresh) Analyse(List<ContentItem> documents, CancellationToken cancellationToken)
    {
        var cached = AnalysisCache.Load(cacheDirectory);
        var analysed = new SearchDocument[documents.Count];
        var missing = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i].SourceHash != UInt128.Zero && cached.TryGetValue(documents[i].SourceHash, out var doc))
            {
                analysed[i] = doc;
            }
            else
            {
                missing.Add(i);
            }
        }

        using var analyzer = new SearchAnalyzer();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(missing, parallel, i => analysed[i] = SearchDocument.Analyze(analyzer, documents[i].SourceHash, DocumentText.Of(documents[i])));
        return (analysed, missing.Count);
    }

    /// <summary>Everything the index files are made of: documents (by URL and source), sections and the format.</summary>
    private static UInt128 InputsHash(SiteModel model, List<ContentItem> documents)
    {
        var hash = new ContentHash().Add("search").Add((long)SearchRanking.FormatVersion);
        foreach (var section in model.Sections)
        {
            hash.Add(section.Name).Add(section.Title);
        }

        foreach (var item in documents)
        {
            // Zero is "unknown": never equal to itself across builds.
            hash.Add(model.UrlOf(item)).Add(item.SourceHash == UInt128.Zero ? (UInt128)Random.Shared.NextInt64() : item.SourceHash);
            if (item.Fields is LessonFields)
            {
                hash.Add(model.CourseOf(item)?.SourceHash ?? UInt128.Zero);
            }
        }

        return hash.Value;
    }
}
