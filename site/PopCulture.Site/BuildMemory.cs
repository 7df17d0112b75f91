using PopCulture.Site.Incremental;

namespace PopCulture.Site;

/// <summary>
/// What a long-lived builder (the CMS, <c>serve</c>, <c>bench</c>) keeps between builds of one site: the last build's
/// manifest, and the search index's analysis and postings. Pass the same instance to every build of that site, one
/// build at a time. A build that finds nothing kept, or what another build than the live one left, reads the build cache.
/// </summary>
public sealed class BuildMemory
{
    private BuildManifest? _manifest;

    internal Search.SearchMemory Search { get; } = new();

    /// <summary>The manifest of the live build, if it is the one this memory kept.</summary>
    internal BuildManifest? Manifest(ulong liveBuildId) => Volatile.Read(ref _manifest) is { } kept && kept.BuildId == liveBuildId ? kept : null;

    internal void Keep(BuildManifest manifest) => Volatile.Write(ref _manifest, manifest);
}
