using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Content;

/// <summary>
/// Creates, changes, deletes and restores entries: validated with the generator's parser, authorised per section,
/// every save kept as a revision, stale saves refused, all in one transaction with its audit entry.
/// </summary>
public sealed class ContentStore(CmsDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ContentEntry>> CreateAsync(ContentInput input, CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        var section = input.Section ?? "";
        if (!user.Can(ContentAction.Create, section))
        {
            return Outcome<ContentEntry>.Forbidden($"you may not create content in section '{section}'");
        }

        var validated = await ValidateAsync(input, null, cancellationToken);
        if (validated.Kind != OutcomeKind.Ok)
        {
            return validated.As<ContentEntry>();
        }

        var (slug, frontMatter, body, path) = validated.Value!;
        var now = clock.GetUtcNow();
        var entry = new ContentEntry
        {
            Id = Guid.NewGuid(),
            Section = section,
            Slug = slug,
            Type = frontMatter.Item.Type,
            Title = frontMatter.Item.Title,
            ContentPath = path,
            FrontMatter = frontMatter.Json,
            Tags = EntryMapping.TagColumn(frontMatter.Item),
            Body = body,
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = user.Email,
        };
        db.Entries.Add(entry);
        AddRevision(entry, user.Email, "created");
        audit.Record("content.create", $"{section}/{slug}", entry.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ContentEntry>.Ok(entry);
    }

    public Task<Outcome<ContentEntry>> UpdateAsync(Guid id, ContentInput input, CmsPrincipal user, CancellationToken cancellationToken) =>
        SaveChangeAsync(id, input, user, "saved", "content.update", cancellationToken);

    /// <summary>The note of a revision the manager's autosave wrote.</summary>
    public const string AutosaveNote = "autosaved";

    /// <summary>
    /// Saves the editor's draft as <see cref="UpdateAsync"/> does, but a run of autosaves by one user keeps one revision:
    /// each replaces the autosave before it when nothing came between, so the history lists what people saved, not
    /// every half minute of typing. The entry's revision number still moves on, so a form opened earlier still conflicts.
    /// </summary>
    public Task<Outcome<ContentEntry>> AutosaveAsync(Guid id, ContentInput input, CmsPrincipal user, CancellationToken cancellationToken) =>
        SaveChangeAsync(id, input, user, AutosaveNote, "content.autosave", cancellationToken);

    /// <summary>Replaces an entry's content as a new revision with <paramref name="note"/>, recorded as <paramref name="action"/>.</summary>
    private async Task<Outcome<ContentEntry>> SaveChangeAsync(Guid id, ContentInput input, CmsPrincipal user, string note, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null || !user.Can(ContentAction.Read, entry.Section))
        {
            return Outcome<ContentEntry>.NotFound();
        }

        var section = input.Section ?? entry.Section;
        if (!user.Can(ContentAction.Edit, entry.Section, entry.Status) || !user.Can(ContentAction.Edit, section, entry.Status))
        {
            return Outcome<ContentEntry>.Forbidden($"you may not edit this entry while it is {entry.Status}");
        }

        if (input.Revision is null)
        {
            return Outcome<ContentEntry>.Invalid("revision", "give the revision your change is based on");
        }

        if (input.Revision != entry.Revision)
        {
            return Outcome<ContentEntry>.Conflict($"the entry is at revision {entry.Revision}; your change is based on revision {input.Revision}");
        }

        var validated = await ValidateAsync(input with { Section = section }, entry, cancellationToken);
        if (validated.Kind != OutcomeKind.Ok)
        {
            return validated.As<ContentEntry>();
        }

        var (slug, frontMatter, body, path) = validated.Value!;
        if (note == AutosaveNote
            && await db.Revisions.FirstOrDefaultAsync(r => r.EntryId == id && r.Number == entry.Revision, cancellationToken) is { Note: AutosaveNote } previous
            && previous.CreatedBy == user.Email
            && previous.Number != entry.PublishedRevision)
        {
            // Removed in the same SaveChanges as the new revision: a refused save leaves the history as it was. A live
            // revision is never replaced, whatever wrote it.
            db.Revisions.Remove(previous);
        }

        Apply(entry, section, slug, frontMatter, body, path, user.Email);
        AddRevision(entry, user.Email, note);
        audit.Record(action, $"{section}/{slug}", $"revision {entry.Revision} ({note})");
        return await SaveAsync(entry, cancellationToken);
    }

    /// <summary>Saves an old revision's content as a new revision; <paramref name="basedOn"/> guards against stale restores.</summary>
    public async Task<Outcome<ContentEntry>> RestoreAsync(Guid id, int number, int? basedOn, CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null || !user.Can(ContentAction.Read, entry.Section))
        {
            return Outcome<ContentEntry>.NotFound();
        }

        if (!user.Can(ContentAction.Edit, entry.Section, entry.Status))
        {
            return Outcome<ContentEntry>.Forbidden($"you may not edit this entry while it is {entry.Status}");
        }

        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.EntryId == id && r.Number == number, cancellationToken);
        if (revision is null)
        {
            return Outcome<ContentEntry>.NotFound();
        }

        var input = new ContentInput(revision.Section, revision.Slug, JsonNode.Parse(revision.FrontMatter) as JsonObject, revision.Body, basedOn);
        return await SaveChangeAsync(id, input, user, $"restored revision {number}", "content.restore", cancellationToken);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CmsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null || !user.Can(ContentAction.Read, entry.Section))
        {
            return Outcome<bool>.NotFound();
        }

        if (!user.Can(ContentAction.Delete, entry.Section, entry.Status))
        {
            return Outcome<bool>.Forbidden("you may not delete content in this section");
        }

        if (entry.PublishedRevision is not null)
        {
            return Outcome<bool>.Conflict("the entry is live: unpublish it before deleting it");
        }

        await db.Revisions.Where(r => r.EntryId == id).ExecuteDeleteAsync(cancellationToken);
        db.Entries.Remove(entry);
        audit.Record("content.delete", $"{entry.Section}/{entry.Slug}", entry.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    private async Task<Outcome<(string Slug, (string Json, PopCulture.Site.Content.ContentItem Item) FrontMatter, string Body, string Path)>> ValidateAsync(
        ContentInput input, ContentEntry? existing, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.FrontMatter is null)
        {
            errors["frontMatter"] = ["front matter is required: at least { \"title\": … }"];
        }

        if (string.IsNullOrEmpty(input.Slug))
        {
            errors["slug"] = ["slug is required (lowercase ASCII letters, digits and '-', or _index for a section's own page)"];
        }

        if (errors.Count > 0)
        {
            return new(OutcomeKind.Invalid, Errors: errors);
        }

        var section = input.Section ?? "";
        var body = input.Body ?? "";
        var path = existing is not null && existing.Section == section && existing.Slug == input.Slug
            ? existing.ContentPath
            : ContentValidator.DefaultContentPath(section, input.Slug!);
        var result = ContentValidator.Validate(section, input.Slug!, input.FrontMatter!, body, path);
        if (!result.IsValid)
        {
            return new(OutcomeKind.Invalid, Errors: result.Errors);
        }

        var item = result.Item!;
        var slug = item.IsIndex ? ContentValidator.IndexSlug : item.Slug;
        var taken = await db.Entries.AnyAsync(e => e.Section == section && e.Slug == slug && (existing == null || e.Id != existing.Id), cancellationToken);
        if (taken)
        {
            return new(OutcomeKind.Invalid, Errors: new Dictionary<string, string[]>
            {
                ["slug"] = [$"the URL {PopCulture.Site.Model.SiteUrls.ItemPath(section, item.Slug)} is already used by another entry"],
            });
        }

        return new(OutcomeKind.Ok, (slug, (input.FrontMatter!.ToJsonString(), item), body, path));
    }

    private void Apply(ContentEntry entry, string section, string slug, (string Json, PopCulture.Site.Content.ContentItem Item) frontMatter, string body, string path, string user)
    {
        entry.Section = section;
        entry.Slug = slug;
        entry.Type = frontMatter.Item.Type;
        entry.Title = frontMatter.Item.Title;
        entry.FrontMatter = frontMatter.Json;
        entry.Tags = EntryMapping.TagColumn(frontMatter.Item);
        entry.Body = body;
        entry.ContentPath = path;
        entry.Revision++;
        entry.UpdatedAt = clock.GetUtcNow();
        entry.UpdatedBy = user;

        // A change to a live or archived entry is a new draft; the live revision stays until it is published again.
        if (entry.Status is WorkflowStatus.Published or WorkflowStatus.Archived or WorkflowStatus.Scheduled)
        {
            entry.Status = WorkflowStatus.Draft;
            entry.PublishAt = null;
        }
    }

    private void AddRevision(ContentEntry entry, string user, string note) =>
        db.Revisions.Add(ContentRevision.Of(entry, user, note, clock.GetUtcNow()));

    private async Task<Outcome<ContentEntry>> SaveAsync(ContentEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<ContentEntry>.Ok(entry);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node saved between our read and our write.
            return Outcome<ContentEntry>.Conflict("the entry was changed by someone else while you saved; reload it and try again");
        }
    }
}
