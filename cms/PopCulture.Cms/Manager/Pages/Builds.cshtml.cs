using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Publishing;

namespace PopCulture.Cms.Manager.Pages;

/// <summary>
/// The site's build history, newest first, for every signed-in user (as the builds API allows); admins may queue a
/// full rebuild from here, the same way and with the same audit record as the API's POST.
/// </summary>
public sealed class BuildsModel(AccessControl access, CmsDbContext db, SitePublisher publisher, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    public Page<BuildInfo> Result { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    /// <summary>Whether the rebuild button is offered: the POST asks the same.</summary>
    public bool CanRebuild { get; private set; }

    /// <summary>True after a rebuild was queued, to confirm it.</summary>
    public bool Queued { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? number, bool queued, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        CanRebuild = user.CanAdminister;
        Queued = queued && CanRebuild;
        Result = await BuildList.PageAsync(db, Math.Clamp(number ?? 1, 1, 100_000), PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.CanAdminister)
        {
            return ManagerRefusal.Denied(this);
        }

        await FullRebuild.QueueAsync(publisher, audit, db, user, cancellationToken);
        return RedirectToPage("/Builds", new { queued = true });
    }

    /// <summary>Another page of the history; written by hand because Url.Page keeps the "page" value for the page's name.</summary>
    public string PageLink(int number) => ManagerPaths.Paged(Url.Page("/Builds"), number);
}
