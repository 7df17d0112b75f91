using PopCulture.Cms.Publishing;

namespace PopCulture.Cms.Manager;

/// <summary>What the dashboard shows one user; <see cref="ToReview"/> is null for someone who may approve nowhere.</summary>
public sealed record DashboardView(
    IReadOnlyList<SectionCount> Sections,
    IReadOnlyList<EntryRow> MyDrafts,
    IReadOnlyList<EntryRow>? ToReview,
    IReadOnlyList<EntryRow> Scheduled,
    IReadOnlyList<PublishedRow> RecentlyPublished,
    IReadOnlyList<BuildInfo> Builds);
