using PopCulture.Cms.Data;

namespace PopCulture.Cms.Auditing;

/// <summary>Records writes and sign-ins in the same transaction as the change they describe.</summary>
public sealed class AuditLog(CmsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds an entry to the pending changes; it is saved with the caller's <c>SaveChanges</c>.</summary>
    public void Record(string action, string? target, string? detail = null, string? userId = null, string? email = null)
    {
        var context = http.HttpContext;
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Action = action,
            Target = target,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            UserId = userId ?? context?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            UserEmail = email ?? context?.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value,
            RemoteAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
