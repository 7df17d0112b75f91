using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PopCulture.Cms.Bench;

/// <summary>
/// The CMS in-process for the benchmark: its own temp data folder, SQLite there, or a fresh database on the PostgreSQL
/// server named by <c>POPCULTURE_TEST_POSTGRES</c>; the repository's demo content imported as on a first start.
/// </summary>
internal sealed class BenchCms : WebApplicationFactory<Program>
{
    private readonly string? _postgres;

    public BenchCms(string? postgresServer)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "popculture-cms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _postgres = postgresServer is null
            ? null
            : new Npgsql.NpgsqlConnectionStringBuilder(postgresServer) { Database = $"popculture_bench_{Guid.NewGuid():N}" }.ConnectionString;
    }

    public string DataDirectory { get; }

    /// <summary>Leave the data folder (and its SQLite file) behind, to look at query plans afterwards.</summary>
    public bool Keep { get; init; }

    public string Provider => _postgres is null ? "sqlite" : "postgres";

    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PopCulture.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("PopCulture.sln not found above the benchmark's folder");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A console project gets no MvcTestingAppManifest.json (test projects do), so the CMS's folder is named here.
        builder.UseContentRoot(Path.Combine(RepositoryRoot, "cms", "PopCulture.Cms"));
        builder.UseEnvironment("Production");
        builder.UseSetting("PopCulture:DataDirectory", DataDirectory);
        builder.UseSetting("PopCulture:ContentDirectory", Path.Combine(RepositoryRoot, "content"));
        builder.UseSetting("PopCulture:ThemeDirectory", Path.Combine(RepositoryRoot, "themes", "default"));
        builder.UseSetting("PopCulture:BaseUrl", "https://example.org/");
        builder.UseSetting("PopCulture:Admin:Email", "admin@bench.local");
        builder.UseSetting("PopCulture:Admin:Password", "Admin-Passw0rd!");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("PopCulture:Database:Provider", Provider);
        if (_postgres is not null)
        {
            builder.UseSetting("ConnectionStrings:PopCulture", _postgres);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            var admin = new Npgsql.NpgsqlConnectionStringBuilder(_postgres);
            var database = admin.Database;
            admin.Database = "postgres";
            await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (!Keep)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
