using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Visits;

/// <summary>Class-visit requests: posted by teachers from a hall's page, read by the editors of the youth-hall section.</summary>
public static class VisitRequestsApi
{
    public const string Path = "/api/v1/visit-requests";
    public const string RateLimit = "visit-requests";
    public const string Section = "youth-hall";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapVisitRequestsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, CreateAsync)
            .WithTags("Visit requests")
            .WithName("CreateVisitRequest")
            .WithSummary("Request a class visit to a youth health education hall (anonymous, rate limited per address)")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(429);
        app.MapGet("/api/v1/manage/visit-requests", ListAsync)
            .WithTags("Visit requests")
            .WithName("ListVisitRequests")
            .WithSummary("Visit requests, newest first (users who may read the youth-hall section)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(403);
        return app;
    }

    private static async Task<Results<Created<VisitRequestCreated>, ValidationProblem>> CreateAsync(
        VisitRequestInput input, CmsDbContext db, AuditLog audit, TimeProvider clock, IOptions<ManagerOptions> manager, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // "Tomorrow" is the halls' tomorrow, whatever the server's clock zone.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(manager.Value.TimeZone)).DateTime);
        var errors = VisitRequestRules.Check(input, today);
        var slug = input.Hall?.Trim() ?? "";
        var hall = errors.ContainsKey("hall") ? null : await db.Published.AsNoTracking()
            .Where(p => p.Section == Section && p.Slug == slug && p.Type == ContentTypes.Hall)
            .Select(p => new { p.Slug, p.Title })
            .FirstOrDefaultAsync(cancellationToken);
        if (hall is null && !errors.ContainsKey("hall"))
        {
            errors["hall"] = ["没有这个场馆，请从场馆页面提交。"];
        }

        if (errors.Count > 0 || hall is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var request = new VisitRequest
        {
            ReceivedAt = now,
            Hall = hall.Slug,
            HallTitle = hall.Title,
            School = input.School!.Trim(),
            Contact = input.Contact!.Trim(),
            Phone = input.Phone!.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            Grade = string.IsNullOrEmpty(input.Grade) ? null : input.Grade,
            Students = input.Students!.Value,
            PreferredDate = DateOnly.ParseExact(input.PreferredDate!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Message = string.IsNullOrWhiteSpace(input.Message) ? null : input.Message.Trim(),
        };
        db.VisitRequests.Add(request);
        // The audit entry names the hall, not the teacher: the log is read more widely than the requests.
        audit.Record("visit.requested", $"{Section}/{hall.Slug}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/manage/visit-requests/{request.Id}", new VisitRequestCreated(request.Id, request.HallTitle, request.PreferredDate));
    }

    private static async Task<Results<Ok<Page<VisitRequestInfo>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        AccessControl access, CmsDbContext db, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null || !user.Can(ContentAction.Read, Section))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "visit requests are for users of the youth-hall section");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, DefaultPageSize, MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await VisitRequestList.PageAsync(db, number, size, cancellationToken));
    }
}

/// <summary>What the teacher's browser gets back: enough to confirm, nothing it did not send.</summary>
public sealed record VisitRequestCreated(long Id, string Hall, DateOnly PreferredDate);
