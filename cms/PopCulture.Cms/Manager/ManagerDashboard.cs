using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Publishing;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>Reads the dashboard of one user: only the sections their grants reach, a few rows per list.</summary>
public sealed class ManagerDashboard(CmsDbContext db, ContentLists lists)
{
    /// <summary>Rows per dashboard list; the content list shows the rest.</summary>
    public const int PanelRows = 10;

    public const int Builds = 5;

    public async Task<DashboardView> LoadAsync(CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var readable = user.ReadableSections();
        var entries = db.Entries.AsNoTracking().InSections(readable);

        var sections = await lists.SectionsAsync(user, cancellationToken);
        // Entries record who changed them last, not who wrote them: a draft is "mine" while I am its last editor.
        var drafts = await entries.Where(e => e.Status == WorkflowStatus.Draft && e.UpdatedBy == user.Email)
            .OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id).Take(PanelRows).Rows().ToListAsync(cancellationToken);

        List<EntryRowData>? review = null;
        var reviewing = user.SectionsFor(ContentAction.Approve);
        if (reviewing is null || reviewing.Count > 0)
        {
            review = await entries.InSections(reviewing).Where(e => e.Status == WorkflowStatus.InReview)
                .OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id).Take(PanelRows).Rows().ToListAsync(cancellationToken);
        }

        var scheduled = await entries.Where(e => e.Status == WorkflowStatus.Scheduled)
            .OrderBy(e => e.PublishAt).ThenBy(e => e.Id).Take(PanelRows).Rows().ToListAsync(cancellationToken);

        var live = db.Published.AsNoTracking();
        if (readable is not null)
        {
            live = live.Where(p => readable.Contains(p.Section));
        }

        var published = await live.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id).Take(PanelRows)
            .Select(p => new PublishedRow(p.Id, p.Section, p.Title, p.PublishedAt)).ToListAsync(cancellationToken);
        var builds = await db.Builds.AsNoTracking().OrderByDescending(b => b.StartedAt).ThenBy(b => b.Id).Take(Builds).ToListAsync(cancellationToken);

        return new DashboardView(sections, drafts.ToRows(), review?.ToRows(), scheduled.ToRows(), published, [.. builds.Select(BuildInfo.From)]);
    }
}
