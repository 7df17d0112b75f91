using Microsoft.EntityFrameworkCore;

namespace PopCulture.Cms.Webhooks;

/// <summary>The webhook tables, configured here so the feature's mapping stays with the feature.</summary>
public static class WebhookModel
{
    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<WebhookSubscription>(subscription =>
        {
            subscription.ToTable("webhook_subscriptions");
            subscription.HasIndex(s => s.CreatedAt);
            subscription.Property(s => s.Url).HasMaxLength(WebhookRules.MaxUrlLength);
            subscription.Property(s => s.Events).HasMaxLength(200);
            subscription.Property(s => s.Secret).HasMaxLength(64);
            subscription.Property(s => s.CreatedBy).HasMaxLength(256);
            subscription.Ignore(s => s.EventList);
        });

        builder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            // The dispatcher's poll: pending rows by due time.
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
            delivery.HasIndex(d => new { d.SubscriptionId, d.OccurredAt });
            delivery.Property(d => d.Event).HasMaxLength(64);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            // Saving a result checks the claim is still this node's.
            delivery.Property(d => d.ClaimId).IsConcurrencyToken();
            delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            delivery.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WebhookAttempt>(attempt =>
        {
            attempt.ToTable("webhook_attempts");
            attempt.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
            attempt.Property(a => a.Error).HasMaxLength(500);
        });
    }
}
