using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Identity;

/// <summary>Resolves the request's user and grants once per request.</summary>
public sealed class AccessControl(IHttpContextAccessor http, CmsDbContext db)
{
    /// <summary>The claim a read-only API token carries.</summary>
    public const string ScopeClaim = "popculture:scope";

    private CmsPrincipal? _current;

    /// <summary>The current user, or null when the request is anonymous.</summary>
    public async Task<CmsPrincipal?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is not null)
        {
            return _current;
        }

        var user = http.HttpContext?.User;
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated != true || id is null)
        {
            return null;
        }

        var grants = await db.Grants.AsNoTracking().Where(g => g.UserId == id).ToListAsync(cancellationToken);
        var canWrite = user.FindFirstValue(ScopeClaim) is null or "write";
        _current = new CmsPrincipal(id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id, grants, canWrite);
        return _current;
    }
}
