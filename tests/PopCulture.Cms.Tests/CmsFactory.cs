using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Tests;

/// <summary>
/// A real CMS for one test class: its own data folder and database, the repository's demo content imported,
/// an admin, and helpers to act as users of any role.
/// </summary>
public abstract class CmsFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Passw0rd!";

    protected CmsFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "popculture-cms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PopCulture.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("PopCulture.sln not found above the test folder");
        }
    }

    /// <summary>Which store this factory runs on, for test names and messages.</summary>
    public abstract string Provider { get; }

    protected abstract void ConfigureDatabase(IWebHostBuilder builder);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("PopCulture:DataDirectory", DataDirectory);
        builder.UseSetting("PopCulture:ContentDirectory", Path.Combine(RepositoryRoot, "content"));
        builder.UseSetting("PopCulture:ThemeDirectory", Path.Combine(RepositoryRoot, "themes", "default"));
        builder.UseSetting("PopCulture:BaseUrl", "https://example.org/");
        builder.UseSetting("PopCulture:Admin:Email", AdminEmail);
        builder.UseSetting("PopCulture:Admin:Password", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        ConfigureDatabase(builder);
    }

    public Task InitializeAsync()
    {
        StartServer(); // starts the host (in memory or on a real port): migrations, admin, demo import, first build
        return Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private string? _adminToken;

    /// <summary>
    /// A client with a bearer token for the seeded admin. The token is issued directly, not by signing in with the
    /// password, because sign-in is rate-limited per address and every test would share that budget.
    /// </summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        if (_adminToken is null)
        {
            using var scope = Services.CreateScope();
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByEmailAsync(AdminEmail)
                ?? throw new InvalidOperationException("the admin was not seeded");
            (_, _adminToken) = await scope.ServiceProvider.GetRequiredService<TokenService>()
                .IssueAsync(admin.Id, "tests", "write", TimeSpan.FromHours(2), isSession: false, CancellationToken.None);
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    /// <summary>A client acting as a new user with one role, optionally limited to sections, with a write (or read) token.</summary>
    public async Task<HttpClient> ClientAsAsync(string role, string[]? sections = null, string scope = "write")
    {
        using var scopeServices = Services.CreateScope();
        var users = scopeServices.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var db = scopeServices.ServiceProvider.GetRequiredService<CmsDbContext>();
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, "Passw0rd-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.Grants.Add(new AccessGrant { UserId = user.Id, Role = role, Sections = string.Join(',', sections ?? []) });
        await db.SaveChangesAsync();
        var (_, secret) = await scopeServices.ServiceProvider.GetRequiredService<TokenService>()
            .IssueAsync(user.Id, "test", scope, TimeSpan.FromHours(1), isSession: false, CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

}

/// <summary>The CMS on its embedded default store.</summary>
public sealed class SqliteCms : CmsFactory
{
    public override string Provider => "sqlite";

    protected override void ConfigureDatabase(IWebHostBuilder builder) => builder.UseSetting("PopCulture:Database:Provider", "sqlite");
}

/// <summary>
/// The CMS on a real PostgreSQL server: the test command starts a throwaway cluster and names it in
/// POPCULTURE_TEST_POSTGRES; each factory gets its own database, dropped afterwards.
/// </summary>
public sealed class PostgresCms : CmsFactory
{
    private readonly string _connection;

    public PostgresCms()
    {
        var server = Environment.GetEnvironmentVariable("POPCULTURE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException("POPCULTURE_TEST_POSTGRES is not set: run the tests with ./scripts/test.sh, which starts PostgreSQL");
        }

        _connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"popculture_{Guid.NewGuid():N}" }.ConnectionString;
    }

    public override string Provider => "postgres";

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("PopCulture:Database:Provider", "postgres");
        builder.UseSetting("ConnectionStrings:PopCulture", _connection);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(_connection);
        var database = admin.Database;
        admin.Database = "postgres";
        await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (Npgsql.PostgresException e) when (attempt < 3 && e.SqlState is "42501" or "55006")
            {
                // A session the server itself started (autovacuum) may hold the database a moment longer.
                await Task.Delay(500);
            }
        }
    }
}
