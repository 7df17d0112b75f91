namespace PopCulture.Site.Search;

/// <summary>
/// What a long-lived builder (the CMS, <c>serve</c>, <c>bench</c>) keeps of the search index between builds: every page's
/// analysis and every term's postings. A rebuild after an edit then patches the postings of the changed pages, instead
/// of reading the analysis cache from disk and walking every term of every page. Optional: a build without it, or one
/// that finds it stale (the index on disk was written by another process), does the same work from the build cache.
/// </summary>
internal sealed class SearchMemory
{
    private Kept? _kept;

    /// <summary>The analysis and postings of the index whose state has these inputs (<see cref="SearchState.Inputs"/>).</summary>
    internal sealed record Kept(UInt128 Inputs, Dictionary<UInt128, SearchDocument> Analysis, PostingsIndex Index);

    /// <summary>
    /// Takes what is kept, if it is the index with these inputs. Taking empties the memory: a build that fails halfway
    /// leaves no half-patched postings behind, and two builds at once (which the callers never run) cannot share them.
    /// </summary>
    internal Kept? Take(UInt128? inputs)
    {
        var kept = Interlocked.Exchange(ref _kept, null);
        return kept is not null && kept.Inputs == inputs ? kept : null;
    }

    internal void Keep(Kept kept) => Volatile.Write(ref _kept, kept);
}
