using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The migration that gives entries their tags column fills it for entries already in the store, from the front
/// matter each holds, so an upgraded store filters by tag at once. Provider-specific SQL, so run on both.
/// </summary>
public abstract class ManagerTagsMigrationTests : IAsyncLifetime
{
    /// <summary>The migration before the tags column.</summary>
    private const string Before = "Builds";

    protected abstract CmsDbContext NewStore();

    /// <summary>Inserts a minimal entry row with the given front matter, in the provider's own SQL.</summary>
    protected abstract string InsertSql { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Upgrading_a_store_fills_the_tags_of_entries_already_in_it()
    {
        await using var db = NewStore();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        var rows = new (string Slug, string FrontMatter)[]
        {
            ("listed", """{"title":"甲","tags":["幸福家庭","青春健康"]}"""),
            ("single", """{"title":"乙","tags":"科学育儿"}"""),
            ("none", """{"title":"丙"}"""),
            ("empty", """{"title":"丁","tags":[]}"""),
        };
        foreach (var (slug, frontMatter) in rows)
        {
            await db.Database.ExecuteSqlRawAsync(InsertSql, Guid.NewGuid().ToString(), slug, frontMatter);
        }

        await migrator.MigrateAsync();

        var tags = await db.Entries.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Tags);
        Assert.Equal(["幸福家庭", "青春健康"], Content.EntryMapping.TagList(tags["listed"]).Order(StringComparer.Ordinal));
        Assert.Equal("|科学育儿|", tags["single"]);
        Assert.Equal("", tags["none"]);
        Assert.Equal("", tags["empty"]);
    }
}

public sealed class SqliteManagerTagsMigrationTests : ManagerTagsMigrationTests, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"popculture-migration-{Guid.NewGuid():N}.db");

    protected override string InsertSql => """
        INSERT INTO content_entries ("Id", "Section", "Slug", "Type", "Title", "ContentPath", "FrontMatter", "Body", "Status", "Revision", "CreatedAt", "UpdatedAt")
        VALUES ({0}, 'news', {1}, 'article', 't', 'news/x.md', {2}, '', 'Draft', 1, 0, 0)
        """;

    protected override CmsDbContext NewStore() =>
        new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite($"Data Source={_file};Pooling=False").Options);

    public void Dispose() => File.Delete(_file);
}

public sealed class PostgresManagerTagsMigrationTests : ManagerTagsMigrationTests
{
    private readonly string _connection = new Npgsql.NpgsqlConnectionStringBuilder(
        Environment.GetEnvironmentVariable("POPCULTURE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("POPCULTURE_TEST_POSTGRES is not set: run the tests with ./scripts/test.sh, which starts PostgreSQL"))
    {
        Database = $"popculture_{Guid.NewGuid():N}",
    }.ConnectionString;

    protected override string InsertSql => """
        INSERT INTO content_entries ("Id", "Section", "Slug", "Type", "Title", "ContentPath", "FrontMatter", "Body", "Status", "Revision", "CreatedAt", "UpdatedAt")
        VALUES ({0}::uuid, 'news', {1}, 'article', 't', 'news/x.md', {2}, '', 'Draft', 1, now(), now())
        """;

    protected override CmsDbContext NewStore() =>
        new PostgresCmsDbContext(new DbContextOptionsBuilder<PostgresCmsDbContext>().UseNpgsql(_connection).Options);

    public override async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(_connection);
        var database = admin.Database;
        admin.Database = "postgres";
        await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
