using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>The demo site built into a temp folder and served on 127.0.0.1 as a static host would, shown on a phone-sized window.</summary>
public sealed class BrowserFixture : ChromiumFixture
{
    private DemoSite? _site;
    private StaticSiteServer? _server;

    public override Uri Address => _server?.Address ?? throw new InvalidOperationException("the fixture is not started");

    /// <summary>The built site's files, for tests that compare what the browser shows with what was built.</summary>
    public string Output => _site?.Output ?? throw new InvalidOperationException("the fixture is not started");

    // A phone-sized window: parents read the site on phones.
    protected override ViewportSize Viewport => new() { Width = 412, Height = 915 };

    protected override async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var port = StaticSiteServer.FreePort();
        _site = await DemoSite.BuildAsync(new Uri($"http://127.0.0.1:{port}/"), cancellationToken);
        _server = await StaticSiteServer.StartAsync(_site.Output, port, cancellationToken);
    }

    protected override async ValueTask StopServerAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _site?.Dispose();
    }
}
