using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Webhooks;

/// <summary>
/// On every CMS node, sends due deliveries from the outbox and retries failed ones with back-off. Each delivery is
/// claimed with one conditional UPDATE (pending, due, not locked), as <see cref="Infrastructure.LeaseService"/> takes
/// leases, so no two nodes send the same attempt; the result is saved only by the claim that still holds it.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookSender sender, IOptions<WebhookOptions> settings, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or DbException)
            {
                // The database may be briefly unavailable; unfinished claims lapse and are retried.
                logger.LogWarning(e, "Webhook dispatch failed; retrying after the poll interval");
            }

            // A full batch suggests more are waiting: go again at once.
            if (claimed < options.BatchSize)
            {
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims up to a batch of due deliveries and sends them; returns how many this node claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var options = settings.Value;
        var claims = new List<(Guid Id, Guid Claim)>();
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var now = clock.GetUtcNow();
            await PruneAsync(db, now, cancellationToken);
            var due = await Due(db, now).OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
            var until = now + options.LockDuration;
            foreach (var id in due)
            {
                var claim = Guid.NewGuid();
                var taken = await Due(db, now).Where(d => d.Id == id)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.LockedUntil, until).SetProperty(x => x.ClaimId, claim), cancellationToken);
                if (taken == 1)
                {
                    claims.Add((id, claim));
                }
            }
        }

        await Parallel.ForEachAsync(
            claims,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (claim, token) => await DeliverAsync(claim.Id, claim.Claim, token));
        return claims.Count;
    }

    private static IQueryable<WebhookDelivery> Due(CmsDbContext db, DateTimeOffset now) =>
        db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil <= now));

    private async Task DeliverAsync(Guid id, Guid claim, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id && d.ClaimId == claim, cancellationToken);
        if (delivery is null)
        {
            return;
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is { Active: true })
        {
            var at = clock.GetUtcNow();
            var result = await sender.SendAsync(subscription.Url, subscription.Secret, delivery, cancellationToken);
            Record(delivery, at, result, options);
            logger.LogInformation(
                "Webhook delivery {Delivery} ({Event}) attempt {Attempt} to {Host}: {Outcome}",
                delivery.Id, delivery.Event, delivery.AttemptCount, new Uri(subscription.Url).Authority, result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? result.Error);
        }
        else
        {
            // Switched off (or deleted) after the event: nothing is sent, and the row says why.
            delivery.Status = WebhookDeliveryStatus.Cancelled;
            delivery.CompletedAt = clock.GetUtcNow();
        }

        delivery.LockedUntil = null;
        delivery.ClaimId = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // The claim lapsed and another node took the delivery, or the subscription was deleted meanwhile.
            logger.LogWarning("Webhook delivery {Delivery}: result not saved ({Reason})", delivery.Id, e.GetType().Name);
        }
    }

    private void Record(WebhookDelivery delivery, DateTimeOffset at, WebhookAttemptResult result, WebhookOptions options)
    {
        var number = delivery.AttemptCount + 1;
        delivery.Attempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            Number = number,
            At = at,
            StatusCode = result.StatusCode,
            Error = result.Error,
            DurationMs = (long)result.Duration.TotalMilliseconds,
        });
        delivery.AttemptCount = number;
        var now = clock.GetUtcNow();
        if (result.Succeeded || number >= options.MaxAttempts)
        {
            delivery.Status = result.Succeeded ? WebhookDeliveryStatus.Delivered : WebhookDeliveryStatus.Failed;
            delivery.CompletedAt = now;
        }
        else
        {
            // Back-off counts from the end of the failed attempt, so a slow receiver is not hit again at once.
            delivery.NextAttemptAt = now + options.Schedule[number - 1];
        }
    }

    /// <summary>Finished deliveries are kept for a while to be looked at, then removed so the outbox stays small.</summary>
    private async Task PruneAsync(CmsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + PruneInterval;
        var before = now - settings.Value.Retention;
        await db.WebhookDeliveries.Where(d => d.Status != WebhookDeliveryStatus.Pending && d.CompletedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
