using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Data;

/// <summary>The CMS store. One model, two providers (SQLite, PostgreSQL), each with its own migrations.</summary>
public abstract class CmsDbContext(DbContextOptions options) : IdentityDbContext<CmsUser>(options), IDataProtectionKeyContext
{
    public DbSet<ContentEntry> Entries => Set<ContentEntry>();

    public DbSet<ContentRevision> Revisions => Set<ContentRevision>();

    public DbSet<PublishedEntry> Published => Set<PublishedEntry>();

    public DbSet<PublishedTerm> PublishedTerms => Set<PublishedTerm>();

    public DbSet<AccessGrant> Grants => Set<AccessGrant>();

    public DbSet<ApiToken> Tokens => Set<ApiToken>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<Lease> Leases => Set<Lease>();

    public DbSet<SiteState> SiteState => Set<SiteState>();

    public DbSet<DataFile> DataFiles => Set<DataFile>();

    public DbSet<Publishing.BuildRecord> Builds => Set<Publishing.BuildRecord>();

    public DbSet<Media.MediaItem> Media => Set<Media.MediaItem>();

    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();

    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    /// <summary>The Data Protection key ring (cookies, antiforgery, preview links), shared by every node on this store.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Webhooks.WebhookAttempt> WebhookAttempts => Set<Webhooks.WebhookAttempt>();

    public DbSet<Visits.VisitRequest> VisitRequests => Set<Visits.VisitRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<ContentEntry>(entry =>
        {
            entry.ToTable("content_entries");
            entry.HasIndex(e => new { e.Section, e.Slug }).IsUnique();
            entry.HasIndex(e => e.Status);
            entry.HasIndex(e => e.PublishAt);
            entry.HasIndex(e => e.ExpireAt);
            // The manager's section lists page in SQL sorted by last change, title or state: each index holds every
            // column its list filters and sorts by, the id included, so a page's ids are found from the index alone.
            // Reading the row would cost more than it seems: SQLite keeps the columns after Body and FrontMatter
            // behind their overflow pages.
            entry.HasIndex(e => new { e.Section, e.UpdatedAt, e.Id });
            entry.HasIndex(e => new { e.Section, e.Title, e.Id });
            entry.HasIndex(e => new { e.Section, e.Status, e.UpdatedAt, e.Id });
            entry.Property(e => e.Tags).HasMaxLength(700);
            entry.Property(e => e.Section).HasMaxLength(64);
            entry.Property(e => e.Slug).HasMaxLength(128);
            entry.Property(e => e.Type).HasMaxLength(32);
            entry.Property(e => e.Title).HasMaxLength(200);
            entry.Property(e => e.ContentPath).HasMaxLength(300);
            entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.Revision).IsConcurrencyToken();
        });

        builder.Entity<ContentRevision>(revision =>
        {
            revision.ToTable("content_revisions");
            revision.HasIndex(r => new { r.EntryId, r.Number }).IsUnique();
            revision.Property(r => r.Section).HasMaxLength(64);
            revision.Property(r => r.Slug).HasMaxLength(128);
        });

        builder.Entity<PublishedEntry>(published =>
        {
            published.ToTable("published_entries");
            published.HasKey(p => p.Id);
            published.HasIndex(p => new { p.Section, p.Slug }).IsUnique();
            published.HasIndex(p => new { p.Section, p.Type });
            published.HasIndex(p => p.Date);
            published.Property(p => p.Section).HasMaxLength(64);
            published.Property(p => p.Slug).HasMaxLength(128);
            published.Property(p => p.Type).HasMaxLength(32);
            published.Property(p => p.Title).HasMaxLength(200);
            published.HasMany(p => p.Terms).WithOne().HasForeignKey(t => t.EntryId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PublishedTerm>(term =>
        {
            term.ToTable("published_terms");
            term.HasIndex(t => new { t.Taxonomy, t.Term });
            term.HasIndex(t => new { t.Section, t.Taxonomy });
            term.Property(t => t.Taxonomy).HasMaxLength(16);
            term.Property(t => t.Term).HasMaxLength(64);
            term.Property(t => t.Section).HasMaxLength(64);
        });

        builder.Entity<Publishing.BuildRecord>(build =>
        {
            build.ToTable("site_builds");
            build.HasIndex(b => b.StartedAt);
            build.Property(b => b.Status).HasMaxLength(16);
            build.Property(b => b.Node).HasMaxLength(200);
        });

        builder.Entity<Visits.VisitRequest>(visit =>
        {
            visit.ToTable("visit_requests");
            visit.Property(v => v.Hall).HasMaxLength(128);
            visit.Property(v => v.HallTitle).HasMaxLength(200);
            visit.Property(v => v.School).HasMaxLength(100);
            visit.Property(v => v.Contact).HasMaxLength(50);
            visit.Property(v => v.Phone).HasMaxLength(20);
            visit.Property(v => v.Email).HasMaxLength(254);
            visit.Property(v => v.Grade).HasMaxLength(32);
            visit.Property(v => v.Message).HasMaxLength(Visits.VisitRequestRules.MaxMessage);
        });

        builder.Entity<AccessGrant>(grant =>
        {
            grant.ToTable("access_grants");
            grant.HasIndex(g => g.UserId);
            grant.Property(g => g.Role).HasMaxLength(16);
            grant.Ignore(g => g.SectionList);
        });

        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.Property(t => t.Scope).HasMaxLength(8);
            token.Property(t => t.Name).HasMaxLength(100);
        });

        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_log");
            audit.HasIndex(a => a.At);
            audit.Property(a => a.Action).HasMaxLength(64);
        });

        builder.Entity<Lease>(lease =>
        {
            lease.ToTable("leases");
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(64);
            lease.Property(l => l.Holder).HasMaxLength(128);
        });

        builder.Entity<Media.MediaItem>(media =>
        {
            media.ToTable("media");
            media.HasIndex(m => m.Folder);
            media.HasIndex(m => m.CreatedAt);
            media.Property(m => m.Kind).HasMaxLength(8);
            media.Property(m => m.ContentType).HasMaxLength(32);
            media.Property(m => m.StoredName).HasMaxLength(32);
            media.Property(m => m.OriginalName).HasMaxLength(200);
            media.Property(m => m.Sha256).HasMaxLength(64);
            media.Property(m => m.Folder).HasMaxLength(200);
            media.Property(m => m.Title).HasMaxLength(200);
            media.Property(m => m.Alt).HasMaxLength(300);
            media.Property(m => m.Caption).HasMaxLength(500);
            media.Property(m => m.Credit).HasMaxLength(200);
            media.Property(m => m.Tags).HasMaxLength(700);
        });

        builder.Entity<DataFile>(file =>
        {
            file.ToTable("data_files");
            file.HasKey(f => f.Name);
            file.Property(f => f.Name).HasMaxLength(64);
        });

        builder.Entity<SiteState>(state =>
        {
            state.ToTable("site_state");
            state.Property(s => s.Id).ValueGeneratedNever();
            state.HasData(new SiteState { Id = 1, PublishedVersion = 0, ChangedAt = DateTimeOffset.UnixEpoch });
        });

        Webhooks.WebhookModel.Configure(builder);
    }
}

/// <summary>The embedded default store: one file under the data folder.</summary>
public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options) : CmsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; store instants as sortable numbers instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The production store for several CMS nodes.</summary>
public sealed class PostgresCmsDbContext(DbContextOptions<PostgresCmsDbContext> options) : CmsDbContext(options);
