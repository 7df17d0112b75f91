using System.Diagnostics;
using PopCulture.Site.Content;
using PopCulture.Site.Incremental;
using PopCulture.Site.Model;
using PopCulture.Site.Output;

namespace PopCulture.Site.Search;

/// <summary>
/// The build's search stage. <see cref="Start"/> analyses, beside the page rendering, the documents whose source changed
/// (the rest come from the build cache); <see cref="WriteAsync"/> then remakes the index files that hold changed
/// documents and writes, through the output writer, only the files whose content changed.
/// </summary>
internal sealed class SearchStage(string cacheDirectory, int maxDegreeOfParallelism, SearchMemory? memory = null)
{
    private const string StateFile = "search-state.bin";
    private Task<Prepared>? _prepared;

    /// <summary>
    /// Writing the analysis cache, which the new site does not wait for: await it before the next build. Should it not
    /// finish, the next build analyses again what it lacks (the cache is content-addressed, and replaced atomically).
    /// </summary>
    public Task Saving { get; private set; } = Task.CompletedTask;

    /// <summary>What the stage knows before writing: the documents, the last state, and the analysis if one is needed.</summary>
    private sealed record Prepared(List<ContentItem> Documents, UInt128 Inputs, UInt128 Frame, SearchState? State, SearchMemory.Kept? Kept, Analysis? Analysis, TimeSpan Elapsed);

    private sealed record Analysis(SearchDocument[] Documents, Dictionary<UInt128, SearchDocument> Cache, int Fresh);

    /// <summary>
    /// Starts the analysis in the background. Rendering leaves a core idle while it waits on writes, so most of the
    /// analysis costs no wall time; calling it is optional (<see cref="WriteAsync"/> starts it if not).
    /// </summary>
    public void Start(SiteModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        _prepared ??= Task.Run(() => Prepare(model, cancellationToken), cancellationToken);
    }

    public async Task<SearchIndexStats> WriteAsync(SiteModel model, OutputWriter writer, IReadOnlyDictionary<string, UInt128>? liveFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        var clock = Stopwatch.StartNew();
        Start(model, cancellationToken);
        var prepared = await _prepared!.ConfigureAwait(false);
        var (documents, state) = (prepared.Documents, prepared.State);
        var live = state is not null && liveFiles is not null && state.Files.Values.All(f => liveFiles.GetValueOrDefault(f.SitePath) == f.Hash);
        if (prepared.Analysis is null && live)
        {
            // Nothing the index is made of changed and the live site has every file of it: keep them, read nothing more.
            foreach (var file in state!.Files.Values)
            {
                await writer.BytesAsync(file.SitePath, file.Hash, () => throw new InvalidOperationException("kept file remade"), cancellationToken).ConfigureAwait(false);
            }

            if (prepared.Kept is not null)
            {
                memory!.Keep(prepared.Kept);
            }

            return new SearchIndexStats(documents.Count, 0, state.Files.Count, 0, state.Files.Values.Sum(f => f.Bytes), prepared.Elapsed + clock.Elapsed);
        }

        var analysis = prepared.Analysis ?? Analyse(documents, prepared.Kept?.Analysis, cancellationToken);
        // Patched when the layout is the same; the shard count moves only when the site doubles or halves.
        var changed = live && state!.Frame == prepared.Frame && SearchIndexBuilder.ShardCount(state.Urls.Length) == SearchIndexBuilder.ShardCount(documents.Count)
            ? Changed(model, documents, state, analysis)
            : null;
        var dates = documents.Select(SearchFacetsFile.DateNumber).ToArray();
        var redated = changed?.Keys.Where(id => id < dates.Length && id < state!.Dates.Length && state.Dates[id] != dates[id]).ToHashSet();
        var assembled = new SearchIndexAssembler(model, documents, analysis.Documents, SearchIndexBuilder.CommonPostings, maxDegreeOfParallelism)
            .Assemble(changed is null ? null : state!.Files, changed, redated, prepared.Kept?.Index, recounted: changed is not null && state!.Urls.Length != documents.Count);

        var records = new Dictionary<string, SearchState.FileRecord>(assembled.Kept, StringComparer.Ordinal);
        foreach (var file in assembled.Kept.Values)
        {
            await writer.BytesAsync(file.SitePath, file.Hash, () => throw new InvalidOperationException("kept file remade"), cancellationToken).ConfigureAwait(false);
        }

        var written = 0;
        var previousBytes = state?.Files.Values.ToDictionary(f => f.SitePath, f => f.Bytes, StringComparer.Ordinal) ?? [];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var made = new SearchState.FileRecord[assembled.Fresh.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, assembled.Fresh.Count), parallel, async (i, ct) =>
        {
            var file = assembled.Fresh[i];
            var bytes = previousBytes.GetValueOrDefault(file.SitePath, -1);
            await writer.BytesAsync(file.SitePath, file.Hash, () =>
            {
                var served = file.Served();
                bytes = served.Length;
                Interlocked.Increment(ref written);
                return served;
            }, ct).ConfigureAwait(false);
            made[i] = new SearchState.FileRecord(file.SitePath, file.Hash, bytes >= 0 ? bytes : file.Served().Length, [.. file.Docs]);
        }).ConfigureAwait(false);

        for (var i = 0; i < made.Length; i++)
        {
            records[assembled.Fresh[i].Slot] = made[i];
        }

        new SearchState(prepared.Inputs, prepared.Frame, [.. documents.Select(model.UrlOf)], [.. documents.Select(d => d.SourceHash)], dates, records).Save(Path.Combine(cacheDirectory, StateFile));
        memory?.Keep(new SearchMemory.Kept(prepared.Inputs, ByHash(analysis.Documents), assembled.Index));
        // Only now: on two cores, saving beside the assembly would take a core from the files the new site waits for.
        Saving = analysis.Fresh > 0 ? Task.Run(() => AnalysisCache.Save(cacheDirectory, analysis.Documents), cancellationToken) : Task.CompletedTask;
        return new SearchIndexStats(documents.Count, analysis.Fresh, records.Count, written, records.Values.Sum(f => f.Bytes), prepared.Elapsed + clock.Elapsed)
        {
            Patched = assembled.Patched,
        };
    }

    private Prepared Prepare(SiteModel model, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var state = SearchState.Load(Path.Combine(cacheDirectory, StateFile));
        var frame = Frame(model);
        var documents = SearchIndexBuilder.Documents(model);
        if (state?.Frame == frame)
        {
            documents = DocIds.Order(documents, state.Urls, model.UrlOf);
        }

        var inputs = Inputs(model, frame, documents);
        var kept = memory?.Take(state?.Inputs);
        var analysis = state?.Inputs == inputs ? null : Analyse(documents, kept?.Analysis, cancellationToken);
        return new Prepared(documents, inputs, frame, state, kept, analysis, clock.Elapsed);
    }

    /// <summary>
    /// The ids whose page or source changed since the state was written, ids new or gone included, each with its previous
    /// analysis (none for a new id); null when one is unknown.
    /// </summary>
    private static Dictionary<int, SearchDocument>? Changed(SiteModel model, List<ContentItem> documents, SearchState state, Analysis analysis)
    {
        var changed = new Dictionary<int, SearchDocument>();
        for (var id = 0; id < Math.Max(documents.Count, state.Urls.Length); id++)
        {
            if (id >= state.Urls.Length)
            {
                changed[id] = SearchDocument.None;
                continue;
            }

            var source = id < documents.Count ? documents[id].SourceHash : UInt128.Zero;
            if (source != UInt128.Zero && source == state.Sources[id] && model.UrlOf(documents[id]) == state.Urls[id])
            {
                continue;
            }

            if (!analysis.Cache.TryGetValue(state.Sources[id], out var old))
            {
                return null;
            }

            changed[id] = old;
        }

        return changed;
    }

    /// <summary>
    /// Every document's analysis, from the last build's where its source hash is known (<paramref name="kept"/> in memory,
    /// else the cache on disk); and how many were analysed afresh.
    /// </summary>
    private Analysis Analyse(List<ContentItem> documents, Dictionary<UInt128, SearchDocument>? kept, CancellationToken cancellationToken)
    {
        var cached = kept ?? AnalysisCache.Load(cacheDirectory);
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
        return new Analysis(analysed, cached, missing.Count);
    }

    private static Dictionary<UInt128, SearchDocument> ByHash(SearchDocument[] documents)
    {
        var byHash = new Dictionary<UInt128, SearchDocument>(documents.Length);
        foreach (var doc in documents)
        {
            if (doc.SourceHash != UInt128.Zero)
            {
                byHash.TryAdd(doc.SourceHash, doc);
            }
        }

        return byHash;
    }

    /// <summary>What fixes the file layout: the format and the sections.</summary>
    private static UInt128 Frame(SiteModel model)
    {
        var frame = new ContentHash().Add("search-frame").Add((long)SearchRanking.FormatVersion).Add((long)SearchIndexBuilder.CommonPostings);
        foreach (var section in model.Sections)
        {
            frame.Add(section.Name).Add(section.Title);
        }

        return frame.Value;
    }

    /// <summary>Everything the index files are made of: the frame, and by id each document's URL and source, and a lesson's course.</summary>
    private static UInt128 Inputs(SiteModel model, UInt128 frame, List<ContentItem> documents)
    {
        var inputs = new ContentHash().Add("search").Add(frame);
        foreach (var item in documents)
        {
            // Zero is "unknown": never equal to itself across builds.
            inputs.Add(model.UrlOf(item)).Add(item.SourceHash == UInt128.Zero ? (UInt128)Random.Shared.NextInt64() : item.SourceHash);
            if (item.Fields is LessonFields)
            {
                inputs.Add(model.CourseOf(item)?.SourceHash ?? UInt128.Zero);
            }
        }

        return inputs.Value;
    }
}
