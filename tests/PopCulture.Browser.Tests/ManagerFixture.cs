using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The CMS with its manager on 127.0.0.1, shown in an office PC's window.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes the CMS")]
public sealed class ManagerFixture : ChromiumFixture
{
    private KestrelCms? _cms;

    public KestrelCms Cms => _cms ?? throw new InvalidOperationException("the fixture is not started");

    public override Uri Address => Cms.Address;

    protected override ViewportSize Viewport => new() { Width = 1366, Height = 768 };

    protected override Task StartServerAsync(CancellationToken cancellationToken)
    {
        _cms = new KestrelCms(StaticSiteServer.FreePort());
        // Starts Kestrel and runs the CMS's start-up: migrations, the admin, the demo import, the first build.
        _cms.StartServer();
        return Task.CompletedTask;
    }

    protected override async ValueTask StopServerAsync()
    {
        if (_cms is not null)
        {
            await _cms.DisposeAsync();
        }
    }
}
