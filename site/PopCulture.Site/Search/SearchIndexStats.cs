namespace PopCulture.Site.Search;

/// <summary>What the search stage did: for benchmarks and the build report.</summary>
public sealed record SearchIndexStats(int Documents, int Analysed, int Files, int FilesWritten, long Bytes, TimeSpan Elapsed)
{
    /// <summary>The postings were the last build's, kept in memory (<see cref="SearchMemory"/>) and patched, not gathered from every document.</summary>
    public bool Patched { get; init; }
}
