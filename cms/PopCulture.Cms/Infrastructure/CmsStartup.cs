using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Publishing;

namespace PopCulture.Cms.Infrastructure;

/// <summary>
/// First-start work, before the server takes requests: migrate the store, create the admin, import the demo content,
/// build the site. A hosted service, so it runs the same under <c>dotnet run</c> and in the test host.
/// </summary>
public sealed class CmsStartup(IServiceProvider services, IOptions<CmsOptions> settings, ILogger<CmsStartup> logger) : IHostedService
{
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = settings.Value;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync(cancellationToken);
            if (options.ImportDemoContent && !await db.Entries.AnyAsync(cancellationToken) && Directory.Exists(options.ContentDirectory))
            {
                var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>()
                    .ImportAsync(options.ContentDirectory, publish: true, "system", cancellationToken);
                if (report.Problems.Count > 0)
                {
                    logger.LogError("Demo content not imported:\n{Problems}", string.Join('\n', report.Problems));
                }
                else
                {
                    logger.LogInformation("Imported {Count} items from {Folder}", report.Created, options.ContentDirectory);
                }
            }
        }

        Directory.CreateDirectory(options.SiteDirectory);
        await services.GetRequiredService<SitePublisher>().BuildNowAsync("start-up", cancellationToken);
    }
}
