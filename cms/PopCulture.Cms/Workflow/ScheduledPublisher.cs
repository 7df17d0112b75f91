using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Workflow;

/// <summary>Every few seconds, on whichever node holds the lease, publishes scheduled entries and archives expired ones.</summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var leases = scope.ServiceProvider.GetRequiredService<LeaseService>();
                if (!await leases.TryAcquireAsync("workflow-schedule", Interval * 3, stoppingToken))
                {
                    continue;
                }

                var moved = await scope.ServiceProvider.GetRequiredService<WorkflowService>().RunScheduleAsync(stoppingToken);
                if (moved > 0)
                {
                    logger.LogInformation("Scheduled publishing moved {Count} entries", moved);
                }
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly unavailable; the next tick tries again.
                logger.LogWarning(e, "Scheduled publishing failed; retrying on the next tick");
            }
        }
    }
}
