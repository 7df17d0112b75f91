using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Publishing;

/// <summary>Site builds: the history every signed-in user may read, and a full rebuild admins may ask for.</summary>
public static class BuildsApi
{
    public static IEndpointRouteBuilder MapBuildsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/manage/builds").WithTags("Builds").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListBuilds")
            .WithSummary("Site builds, newest first: when, why, what they rendered and wrote, how long they took, their problems")
            .Produces<Page<BuildInfo>>().ProducesValidationProblem().ProducesProblem(401);
        api.MapGet("/{id:guid}", GetAsync).WithName("GetBuild").WithSummary("One site build")
            .Produces<BuildInfo>().ProducesProblem(401).ProducesProblem(404);
        api.MapPost("/", RebuildAsync).WithName("RebuildSite")
            .WithSummary("Queue a full rebuild: every page rendered whatever the build cache says (admin only)")
            .Produces(202).ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static async Task<IResult> ListAsync(
        AccessControl access, CmsDbContext db, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is null)
        {
            return ApiResults.Unauthorized();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, DeliveryApi.DefaultPageSize, DeliveryApi.MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await BuildList.PageAsync(db, number, size, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, AccessControl access, CmsDbContext db, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is null)
        {
            return ApiResults.Unauthorized();
        }

        var row = await db.Builds.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return row is null ? AdminGate.NotFound($"no build {id}") : TypedResults.Ok(BuildInfo.From(row));
    }

    private static async Task<IResult> RebuildAsync(AccessControl access, SitePublisher publisher, AuditLog audit, CmsDbContext db, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (AdminGate.Refused(user, writes: true, out var refusal))
        {
            return refusal;
        }

        await FullRebuild.QueueAsync(publisher, audit, db, user, cancellationToken);
        return TypedResults.Accepted("/api/v1/manage/builds");
    }
}
