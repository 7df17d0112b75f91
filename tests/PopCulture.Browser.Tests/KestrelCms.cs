using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PopCulture.Browser.Tests;

/// <summary>
/// The real CMS on Kestrel at 127.0.0.1 on a given port, on SQLite in a temp data folder of its own, with the
/// demo content imported and an admin; gone with its folder when disposed.
/// </summary>
public sealed class KestrelCms : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@browser.test";
    public const string AdminPassword = "Admin-Passw0rd!";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "popculture-browser-tests", "cms-" + Guid.NewGuid().ToString("N"));

    public KestrelCms(int port)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        // 127.0.0.1 only: the browser resolves no other name, and nothing else on the machine needs to reach the CMS.
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
    }

    public Uri Address { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("PopCulture:DataDirectory", DataDirectory);
        builder.UseSetting("PopCulture:ContentDirectory", RepositoryPaths.Content);
        builder.UseSetting("PopCulture:ThemeDirectory", RepositoryPaths.Theme);
        builder.UseSetting("PopCulture:BaseUrl", Address.ToString());
        builder.UseSetting("PopCulture:Database:Provider", "sqlite");
        builder.UseSetting("PopCulture:Admin:Email", AdminEmail);
        builder.UseSetting("PopCulture:Admin:Password", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
