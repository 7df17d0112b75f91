using PopCulture.Cms.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Auditing;

/// <summary>The audit log, readable by admins.</summary>
public static class AuditApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private const int MaxFilterLength = AuditFilter.MaxTextLength;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/manage/audit", ListAsync)
            .WithTags("Audit")
            .WithName("ListAudit")
            .WithSummary("Audit entries, newest first (admin only)")
            .WithDescription("Filters: from and to (ISO 8601 instants; from inclusive, to exclusive), user (email contains), "
                + "action (prefix, e.g. content. or auth.), page, pageSize (1–200).")
            .RequireAuthorization()
            .Produces<Page<AuditItem>>()
            .ProducesValidationProblem()
            .ProducesProblem(403);
        return app;
    }

    private static async Task<IResult> ListAsync(
        AccessControl access, CmsDbContext db, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? user, [FromQuery] string? action,
        [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (AdminGate.Refused(await access.CurrentAsync(cancellationToken), writes: false, out var refusal))
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = PageQuery.Read(page, pageSize, DefaultPageSize, MaxPageSize, errors);
        var since = ParseInstant(from, "from", errors);
        var until = ParseInstant(to, "to", errors);
        if (since > until)
        {
            errors["to"] = ["to must not be before from"];
        }

        if (user is { Length: > MaxFilterLength })
        {
            errors["user"] = [$"user is at most {MaxFilterLength} characters"];
        }

        if (action is { Length: > MaxFilterLength })
        {
            errors["action"] = [$"action is at most {MaxFilterLength} characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await AuditQuery.PageAsync(db, new AuditFilter(since, until, user, action), number, size, cancellationToken));
    }

    private static DateTimeOffset? ParseInstant(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // An instant without an offset is read as UTC, the way the log stores it.
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }

        errors[field] = [$"{field} must be an ISO 8601 instant such as 2026-01-31T08:00:00Z"];
        return null;
    }
}
