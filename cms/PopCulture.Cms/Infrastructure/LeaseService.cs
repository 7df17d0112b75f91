using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Infrastructure;

/// <summary>
/// Database leases, so that when several CMS nodes run, one of them does a background job at a time. A lease is
/// taken with one conditional UPDATE (or the first INSERT), which every provider runs atomically.
/// </summary>
public sealed class LeaseService(CmsDbContext db, TimeProvider clock)
{
    /// <summary>This process, as lease holders are named.</summary>
    public static readonly string Holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.ExpiresAt < now || l.Holder == Holder))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, Holder).SetProperty(x => x.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Leases.AsNoTracking().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.Leases.Add(new Lease { Name = name, Holder = Holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node inserted the lease first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives a lease up early, so another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Leases
            .Where(l => l.Name == name && l.Holder == Holder)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, now), cancellationToken);
    }
}
