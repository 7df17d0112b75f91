using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

using PopCulture.Cms.Manager.Accounts;

namespace PopCulture.Cms.Manager.Pages.Admin;

/// <summary>
/// The audit log for admins, newest first, 50 a page, filtered by action prefix, user email and a range of days in the
/// offices' time zone. Filtering and paging happen in the database (the same query as the audit API), and every filter
/// is in the query string, so a view can be bookmarked.
/// </summary>
public sealed class AuditModel(CmsDbContext db, ManagerDisplay show, IStringLocalizer<ManagerText> text)
    : AdminPageModel
{
    public const int PageSize = 50;

    /// <summary>The action families the filter suggests; any prefix may be typed.</summary>
    public static IReadOnlyList<string> Families { get; } = ["auth.", "content.", "media.", "site.", "tokens.", "users.", "visit.", "webhooks."];

    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    /// <summary>Part of the user's email (not <c>User</c>, which is the page's signed-in principal).</summary>
    [FromQuery(Name = "user")]
    public string? Email { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Null while the filters are unreadable: the errors say why and nothing is listed.</summary>
    public Page<AuditItem>? Result { get; private set; }

    public int PageCount => Result is null ? 1 : Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    /// <summary>Problems of the date fields (<c>from</c>, <c>to</c>), in the manager's language.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {

        Action = Cut(Action);
        Email = Cut(Email);
        var since = Day(From, "from", 0);
        // The last day is included: the range ends at the following midnight.
        var until = Day(To, "to", 1);
        if (since is not null && until is not null && until <= since)
        {
            Errors["to"] = text["Ops.Audit.ToBeforeFrom"];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        Result = await AuditQuery.PageAsync(db, new AuditFilter(since, until, Email, Action), PageNumber, PageSize, cancellationToken);
        return Page();
    }

    /// <summary>This view of the log on another page; defaults are left out of the address.</summary>
    public string PageLink(int number) =>
        ManagerPaths.Paged(Url.Page("/Admin/Audit"), number, ("action", Action), ("user", Email), ("from", From), ("to", To));

    /// <summary>Midnight in the offices' zone starting the given day plus <paramref name="days"/>; null for an empty field.</summary>
    private DateTimeOffset? Day(string? value, string field, int days)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day < DateOnly.MaxValue
            && show.ParseLocal(day.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00") is { } midnight)
        {
            return midnight;
        }

        Errors[field] = text["Ops.Audit.BadDate"];
        return null;
    }

    // Longer text than the log's own limit cannot match anything; it is cut, as the content list cuts its filters.
    private static string? Cut(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > AuditFilter.MaxTextLength ? trimmed[..AuditFilter.MaxTextLength] : trimmed;
    }
}
