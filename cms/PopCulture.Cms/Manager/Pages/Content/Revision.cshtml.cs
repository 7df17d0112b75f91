using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Manager.Pages.Content;

/// <summary>
/// An old revision next to the current one: fields that differ, then the body in two columns, and the button that
/// restores the old revision (posted to the entry's page, which restores it as the revisions API does).
/// </summary>
public sealed class RevisionModel(AccessControl access, EntryWork work, CmsDbContext db) : PageModel
{
    public EntryWorkView View { get; private set; } = null!;

    public ContentEntry Entry => View.Entry;

    public RevisionDiff Diff { get; private set; } = null!;

    public IReadOnlyList<DiffRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (await work.LoadAsync(id, user, cancellationToken) is not { } view
            || await RevisionHistory.FindAsync(db, id, number, cancellationToken) is not { } old
            || await RevisionHistory.FindAsync(db, id, view.Entry.Revision, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        View = view;
        Diff = RevisionDiffer.Compare(old, current);
        Rows = SideBySide.Rows(Diff.Body);
        return Page();
    }
}
