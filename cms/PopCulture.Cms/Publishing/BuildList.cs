using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Publishing;

/// <summary>One page of the build history, newest first; shared by the builds API and the manager.</summary>
public static class BuildList
{
    public static async Task<Page<BuildInfo>> PageAsync(CmsDbContext db, int number, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = await db.Builds.CountAsync(cancellationToken);
        var rows = await db.Builds.AsNoTracking().OrderByDescending(b => b.StartedAt).ThenBy(b => b.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<BuildInfo>([.. rows.Select(BuildInfo.From)], number, size, total);
    }
}
