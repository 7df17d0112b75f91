using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Content;

/// <summary>Creating, reading (drafts included), changing and deleting entries, and moving them through the workflow.</summary>
public static class ManageContentApi
{
    public static IEndpointRouteBuilder MapManageContentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/manage/content").WithTags("Content").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListEntries").WithSummary("Entries you may read, drafts included, newest change first")
            .Produces<Page<ManageSummary>>().ProducesValidationProblem();
        api.MapPost("/", CreateAsync).WithName("CreateEntry").WithSummary("Create an entry (as a draft)")
            .Produces<ManageDocument>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/{id:guid}", GetAsync).WithName("GetEntry").WithSummary("An entry's working copy")
            .Produces<ManageDocument>().ProducesProblem(404);
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateEntry")
            .WithSummary("Replace an entry's content; give the revision it is based on (409 if stale)")
            .Produces<ManageDocument>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteEntry").WithSummary("Delete an entry that is not live")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/transitions", TransitionAsync).WithName("TransitionEntry")
            .WithSummary("Move an entry through the workflow: submit, approve, reject, publish, unpublish, restore, schedule-expiry")
            .Produces<ManageDocument>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<IResult> ListAsync(
        AccessControl access, CmsDbContext db, [FromQuery] string? section, [FromQuery] string? status, [FromQuery] string? type,
        [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, DeliveryApi.DefaultPageSize, DeliveryApi.MaxPageSize, errors);

        WorkflowStatus? wanted = null;
        if (status is not null)
        {
            wanted = ParseStatus(status);
            if (wanted is null)
            {
                errors["status"] = ["status must be draft, in-review, scheduled, published or archived"];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var entries = db.Entries.AsNoTracking();
        if (user.ReadableSections() is { } sections)
        {
            entries = entries.Where(e => sections.Contains(e.Section));
        }

        if (section is not null)
        {
            var name = section == DeliveryApi.RootSection ? "" : section;
            entries = entries.Where(e => e.Section == name);
        }

        if (wanted is { } filter)
        {
            entries = entries.Where(e => e.Status == filter);
        }

        if (!string.IsNullOrEmpty(type))
        {
            entries = entries.Where(e => e.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            entries = entries.Where(e => e.Title.Contains(text) || e.Slug.Contains(text));
        }

        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Section).ThenBy(e => e.Slug)
            .Skip((number - 1) * size).Take(size)
            .Select(e => new { e.Id, e.Section, e.Slug, e.Type, e.Title, e.Status, e.Revision, e.PublishedRevision, e.UpdatedAt, e.UpdatedBy })
            .ToListAsync(cancellationToken);
        var items = rows.Select(e => new ManageSummary(e.Id, e.Section, e.Slug, e.Type, e.Title, ManageDocument.StatusName(e.Status), e.Revision, e.PublishedRevision, e.UpdatedAt, e.UpdatedBy)).ToList();
        return TypedResults.Ok(new Page<ManageSummary>(items, number, size, total));
    }

    private static async Task<IResult> CreateAsync(ContentInput input, AccessControl access, ContentStore store, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        var outcome = await store.CreateAsync(input, user, cancellationToken);
        return ApiResults.From(outcome, entry => TypedResults.Created($"/api/v1/manage/content/{entry.Id}", ManageDocument.From(entry)));
    }

    private static async Task<IResult> GetAsync(Guid id, AccessControl access, CmsDbContext db, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entry is null || !user.Can(ContentAction.Read, entry.Section)
            ? ApiResults.From(Outcome<ContentEntry>.NotFound(), _ => TypedResults.Ok())
            : TypedResults.Ok(ManageDocument.From(entry));
    }

    private static async Task<IResult> UpdateAsync(Guid id, ContentInput input, AccessControl access, ContentStore store, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        return ApiResults.From(await store.UpdateAsync(id, input, user, cancellationToken), entry => TypedResults.Ok(ManageDocument.From(entry)));
    }

    private static async Task<IResult> DeleteAsync(Guid id, AccessControl access, ContentStore store, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        return ApiResults.From(await store.DeleteAsync(id, user, cancellationToken), _ => TypedResults.NoContent());
    }

    private static async Task<IResult> TransitionAsync(Guid id, TransitionRequest request, AccessControl access, WorkflowService workflow, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        return ApiResults.From(await workflow.ApplyAsync(id, request, user, cancellationToken), entry => TypedResults.Ok(ManageDocument.From(entry)));
    }

    internal static WorkflowStatus? ParseStatus(string status) =>
        status switch
        {
            "draft" => WorkflowStatus.Draft,
            "in-review" => WorkflowStatus.InReview,
            "scheduled" => WorkflowStatus.Scheduled,
            "published" => WorkflowStatus.Published,
            "archived" => WorkflowStatus.Archived,
            _ => null,
        };
}
