using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Visits;

namespace PopCulture.Cms.Manager.Pages;

/// <summary>Class-visit requests sent from the hall pages, newest first, for the youth-hall section's users.</summary>
public sealed class VisitsModel(AccessControl access, CmsDbContext db) : PageModel
{
    public const int PageSize = 50;

    public Page<VisitRequestInfo> Result { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public string PageLink(int number) => ManagerPaths.Paged(Url.Page("/Visits"), number);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? number, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        // Teachers' names and phone numbers: only for those who run the halls' section.
        if (!user.Can(ContentAction.Read, VisitRequestsApi.Section))
        {
            return Forbid();
        }

        Result = await VisitRequestList.PageAsync(db, Math.Clamp(number ?? 1, 1, 100_000), PageSize, cancellationToken);
        return Page();
    }
}
