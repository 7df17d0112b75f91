namespace PopCulture.Site.Search;

/// <summary>What the search stage did: for benchmarks and the build report.</summary>
public sealed record SearchIndexStats(int Documents, int Analysed, int Files, int FilesWritten, long Bytes, TimeSpan Elapsed);
