using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Editing;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager.Pages.Content;

/// <summary>
/// Edits an entry's front matter and body in a form made from its type's fields, saved through the store the
/// management API uses: the same validation, the same section grants, and the same refusal of a stale save. A stale
/// save shows who saved meanwhile, keeps the editor's text, and lets them overwrite only by asking to.
/// </summary>
public sealed class EditModel(
    AccessControl access, EntryWork work, ContentStore store, CmsDbContext db, ManagerDisplay show, IStringLocalizer<ManagerText> text)
    : EntryFormPageModel(text)
{
    public ContentEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = new EntryFormView
        {
            Id = Entry.Id,
            Section = Entry.Section,
            Type = Entry.Type,
            Values = EntryFormValues.FromFrontMatter(EntrySchema.For(Entry.Type), Stored(Entry.FrontMatter) ?? []),
            Slug = Entry.Slug,
            Body = Entry.Body,
            Revision = Entry.Revision,
            Autosave = Entry.Status == WorkflowStatus.Draft,
        };
        return Page();
    }

    /// <summary>
    /// The editor script's autosave of a draft: the same store call as the save button, based on the revision the form
    /// holds, so it never overwrites someone else's save (409) and never saves an entry that is not a draft.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Entry.Status != WorkflowStatus.Draft)
        {
            return new JsonResult(new { saved = false, reason = "not-draft" }) { StatusCode = StatusCodes.Status409Conflict };
        }

        var (values, slug, body, _) = ReadPosted(Entry.Type);
        var user = (await access.CurrentAsync(cancellationToken))!;
        var input = new ContentInput(Entry.Section, slug, values.ToFrontMatter(Entry.Type, Stored(Entry.FrontMatter)), body, Number(Request.Form["revision"]));
        var outcome = await store.AutosaveAsync(id, input, user, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => new JsonResult(new { saved = true, revision = outcome.Value!.Revision, at = show.Time(outcome.Value.UpdatedAt)[^5..] }),
            OutcomeKind.Conflict => new JsonResult(new { saved = false, reason = "conflict" }) { StatusCode = StatusCodes.Status409Conflict },
            OutcomeKind.Invalid => new JsonResult(new { saved = false, reason = "invalid" }) { StatusCode = StatusCodes.Status422UnprocessableEntity },
            _ => new JsonResult(new { saved = false, reason = "refused" }) { StatusCode = StatusCodes.Status403Forbidden },
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only reading is checked here: an entry submitted for review while the form was open is refused by the store,
        // and the form comes back with the editor's text rather than a bare "access denied".
        if (await LoadAsync(id, cancellationToken, toEdit: false) is { } refused)
        {
            return refused;
        }

        var (values, slug, body, rowsOnly) = ReadPosted(Entry.Type);
        var basedOn = Number(Request.Form["revision"]);
        // "Save anyway" after a conflict: based on the revision the warning showed, so a third save still conflicts.
        var revision = Number(Request.Form["overwrite"]) ?? basedOn;
        EntryFormView Again(FieldErrors errors, string? problem, EntryConflict? conflict = null) => new()
        {
            Id = Entry.Id, Section = Entry.Section, Type = Entry.Type, Values = values, Slug = slug, Body = body,
            Revision = basedOn, Errors = errors, Problem = problem, Conflict = conflict, Autosave = Entry.Status == WorkflowStatus.Draft,
        };
        if (rowsOnly)
        {
            Form = Again(FieldErrors.None, null);
            return Page();
        }

        var user = (await access.CurrentAsync(cancellationToken))!;
        var input = new ContentInput(Entry.Section, slug, values.ToFrontMatter(Entry.Type, Stored(Entry.FrontMatter)), body, revision);
        var outcome = await store.UpdateAsync(id, input, user, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage("/Content/Detail", new { id, done = "save" });
        }

        if (outcome.Kind == OutcomeKind.Conflict)
        {
            var current = await db.Entries.AsNoTracking().FirstAsync(e => e.Id == id, cancellationToken);
            var conflict = new EntryConflict(basedOn ?? 0, current.Revision, current.UpdatedBy ?? "", current.UpdatedAt);
            return Refused(outcome, (errors, _) => Again(errors, null, conflict));
        }

        return Refused(outcome, (errors, problem) => Again(errors, problem));
    }

    /// <summary>Loads the entry, or the answer for a user who may not edit it: 404 outside their sections, 403 in its state.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken, bool toEdit = true)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (await work.LoadAsync(id, user, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        if (toEdit && !view.CanRestore)
        {
            return Forbid();
        }

        Entry = view.Entry;
        return null;
    }

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
