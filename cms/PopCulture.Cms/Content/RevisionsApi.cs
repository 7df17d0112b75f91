using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Content;

/// <summary>Revisions of an entry: list, read, diff, restore.</summary>
public static class RevisionsApi
{
    public static IEndpointRouteBuilder MapRevisionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/manage/content/{id:guid}/revisions").WithTags("Revisions").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListRevisions").WithSummary("An entry's revisions, newest first, marking the live and the current one")
            .Produces<IReadOnlyList<RevisionSummary>>().ProducesProblem(404);
        api.MapGet("/diff", DiffAsync).WithName("DiffRevisions")
            .WithSummary("What changed between two revisions (to: the current one by default; from: the one before to)")
            .Produces<RevisionDiff>().ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/{number:int}", GetAsync).WithName("GetRevision").WithSummary("One revision's full snapshot")
            .Produces<RevisionDocument>().ProducesProblem(404);
        api.MapPost("/{number:int}/restore", RestoreAsync).WithName("RestoreRevision")
            .WithSummary("Save an old revision's content as a new revision; give the revision the entry is at (409 if stale)")
            .Produces<ManageDocument>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<IResult> ListAsync(Guid id, AccessControl access, CmsDbContext db, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        var entry = await ReadableEntryAsync(db, id, user, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        var revisions = await RevisionHistory.ListAsync(db, entry, cancellationToken);
        return TypedResults.Ok(revisions);
    }

    private static async Task<IResult> GetAsync(Guid id, int number, AccessControl access, CmsDbContext db, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        var entry = await ReadableEntryAsync(db, id, user, cancellationToken);
        var revision = entry is null ? null : await RevisionAsync(db, id, number, cancellationToken);
        return revision is null
            ? NotFound(entry is null ? null : $"the entry has no revision {number}")
            : TypedResults.Ok(RevisionDocument.From(revision));
    }

    private static async Task<IResult> DiffAsync(
        Guid id, [FromQuery] string? from, [FromQuery] string? to, AccessControl access, CmsDbContext db, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        var entry = await ReadableEntryAsync(db, id, user, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        // Parsed here rather than bound as int?, so a bad number is a validation problem naming the parameter.
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var toNumber = to is null ? entry.Revision : Number(to, "to", errors);
        var after = toNumber is { } t ? await RevisionAsync(db, id, t, cancellationToken) : null;
        if (toNumber is not null && after is null)
        {
            errors["to"] = [$"the entry has no revision {toNumber}; the newest is revision {entry.Revision}"];
        }

        // By default the revision before: the newest one below, as a run of autosaves leaves gaps in the numbers.
        var fromNumber = from is not null ? Number(from, "from", errors)
            : toNumber is { } below ? await db.Revisions.Where(r => r.EntryId == id && r.Number < below).MaxAsync(r => (int?)r.Number, cancellationToken) ?? below - 1
            : null;
        var before = fromNumber is { } f ? await RevisionAsync(db, id, f, cancellationToken) : null;
        if (fromNumber is not null && before is null && (from is not null || after is not null))
        {
            errors["from"] = [from is null
                ? $"revision {toNumber} is the first; give 'from' to compare it with another"
                : $"the entry has no revision {fromNumber}; the newest is revision {entry.Revision}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(RevisionDiffer.Compare(before!, after!));
    }

    private static async Task<IResult> RestoreAsync(
        Guid id, int number, RevisionRestoreRequest? request, AccessControl access, ContentStore store, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        // Required here: the store would otherwise take the entry's current revision and never see a stale restore.
        if (request?.Revision is not { } basedOn)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["revision"] = ["give the revision the entry is at, as you saw it"],
            });
        }

        var outcome = await store.RestoreAsync(id, number, basedOn, user, cancellationToken);
        return ApiResults.From(outcome, entry => TypedResults.Ok(ManageDocument.From(entry)));
    }

    /// <summary>The entry when it exists and the user may read its section; otherwise null, answered as 404 alike.</summary>
    private static async Task<ContentEntry?> ReadableEntryAsync(CmsDbContext db, Guid id, CmsPrincipal user, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entry is not null && user.Can(ContentAction.Read, entry.Section) ? entry : null;
    }

    private static Task<ContentRevision?> RevisionAsync(CmsDbContext db, Guid id, int number, CancellationToken cancellationToken) =>
        RevisionHistory.FindAsync(db, id, number, cancellationToken);

    private static int? Number(string text, string field, Dictionary<string, string[]> errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors[field] = [$"{field} must be a revision number"];
        return null;
    }

    private static ProblemHttpResult NotFound(string? detail = null) =>
        TypedResults.Problem(statusCode: 404, title: "Not Found", detail: detail ?? "no such entry, or not one you may see");
}
