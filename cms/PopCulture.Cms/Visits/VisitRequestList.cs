using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Visits;

/// <summary>One page of visit requests, newest first; shared by the API and the manager.</summary>
public static class VisitRequestList
{
    public static async Task<Page<VisitRequestInfo>> PageAsync(CmsDbContext db, int number, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = await db.VisitRequests.CountAsync(cancellationToken);
        var rows = await db.VisitRequests.AsNoTracking()
            .OrderByDescending(r => r.Id) // ids grow with arrival: no timestamp ordering, which SQLite cannot do on offsets
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return new Page<VisitRequestInfo>([.. rows.Select(VisitRequestInfo.From)], number, size, total);
    }
}
