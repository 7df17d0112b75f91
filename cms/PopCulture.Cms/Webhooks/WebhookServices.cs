using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Webhooks;

/// <summary>Registers outbound webhooks: options, the outbox and its interceptor, the sender and the dispatcher.</summary>
public static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
            .Validate(o => o.IsValid(), "PopCulture:Webhooks: RetryDelays must be at most 20 positive durations, Timeout positive and at most 5 minutes, "
                + "PollInterval and Retention positive, BatchSize from 1 to 1000, MaxConcurrency from 1 to 64")
            .ValidateOnStart();
        services.AddSingleton<WebhookOutboxInterceptor>();
        // Every context the app makes raises the entry events in its own SaveChanges, whichever provider it runs on.
        services.ConfigureDbContext<SqliteCmsDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WebhookOutboxInterceptor>()));
        services.ConfigureDbContext<PostgresCmsDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WebhookOutboxInterceptor>()));
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<WebhookStore>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();

        // Receivers are admin-chosen URLs: redirects are not followed (a 3xx is a failed attempt), no cookies are kept,
        // and the client's own logging is off, since it would write the signature header.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers();
        return services;
    }
}
