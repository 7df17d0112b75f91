namespace PopCulture.Site;

/// <summary>What to build and where.</summary>
public sealed record BuildOptions
{
    public required string ThemeDirectory { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>The absolute URL the site is published at; canonical URLs, feeds and the sitemap use it.</summary>
    public string? BaseUrl { get; init; }

    public bool IncludeDrafts { get; init; }

    /// <summary>
    /// Where hall pages post class-visit requests (the CMS's <c>/api/v1/visit-requests</c>); null on hosting without the
    /// CMS, where a hall page shows its booking details alone.
    /// </summary>
    public string? VisitRequestsUrl { get; init; }

    /// <summary>Render every page whatever the build cache says (a "rebuild all").</summary>
    public bool Full { get; init; }

    /// <summary>Validate only: read, render and check everything, write nothing.</summary>
    public bool CheckOnly { get; init; }

    public int PageSize { get; init; } = 12;

    /// <summary>How the theme folder is named in messages.</summary>
    public string ThemeDisplayPath { get; init; } = "themes/default";

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Write the search index (the default). Off only to measure what the index costs a build (<c>bench --without-search</c>):
    /// the site's search page then finds nothing.
    /// </summary>
    public bool SearchIndex { get; init; } = true;

    /// <summary>Where image variants and build manifests are cached between builds; by default a folder beside the output.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// What is kept in memory between builds, for a caller that builds the same site again and again (the CMS,
    /// <c>serve</c>): pass the same instance to each build, one build at a time. Null for a one-off build.
    /// </summary>
    public BuildMemory? Memory { get; init; }
}

/// <summary>How a build went: its problems, and what it wrote.</summary>
public sealed record BuildResult(bool Succeeded, IReadOnlyList<Content.Diagnostic> Diagnostics, int Pages, int Files, TimeSpan Elapsed)
{
    /// <summary>The background deletion of the output this build replaced; await it before the process exits.</summary>
    public Task Cleanup { get; init; } = Task.CompletedTask;

    /// <summary>Pages the build cache vouched for, so they were neither rendered nor written.</summary>
    public int Reused { get; init; }

    /// <summary>Wall time of each stage, in order, for benchmarks.</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> Stages { get; init; } = [];

    /// <summary>The search index: documents, files, bytes and time; null when the build wrote no output.</summary>
    public Search.SearchIndexStats? Search { get; init; }
}

/// <summary>Progress of a build stage, for progress bars.</summary>
public sealed record BuildProgress(string Stage, int Done, int Total);
