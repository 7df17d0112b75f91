using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>
/// Once per test class: the demo site built into a temp folder, served on 127.0.0.1, and one Chromium; each test then
/// opens its own <see cref="BrowserSession"/> (a fresh context: no shared cookies, cache or storage).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private DemoSite? _site;
    private StaticSiteServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("the fixture is not started");

    /// <summary>The built site's files, for tests that compare what the browser shows with what was built.</summary>
    public string Output => _site?.Output ?? throw new InvalidOperationException("the fixture is not started");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var port = StaticSiteServer.FreePort();
        _site = await DemoSite.BuildAsync(new Uri($"http://127.0.0.1:{port}/"), timeout.Token);
        _server = await StaticSiteServer.StartAsync(_site.Output, port, timeout.Token);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>
    /// Runs one test in a fresh browser context. The test fails if any request left the site's origin; when it fails, a
    /// screenshot of the page is saved under artifacts/browser-screenshots/ and the requests are written to the output.
    /// </summary>
    public async Task RunAsync(
        ITestOutputHelper output,
        Func<BrowserSession, Task> test,
        [CallerMemberName] string testName = "",
        [CallerFilePath] string testFile = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(test);
        await using var session = await OpenAsync(output);
        try
        {
            await test(session);
            session.AssertNoOffsiteRequests();
        }
        catch (Exception failure)
        {
            await session.RecordFailureAsync($"{Path.GetFileNameWithoutExtension(testFile)}.{testName}", failure);
            throw;
        }
    }

    private async Task<BrowserSession> OpenAsync(ITestOutputHelper output)
    {
        var browser = _browser ?? throw new InvalidOperationException("the fixture is not started");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            // A phone-sized window: parents read the site on phones.
            ViewportSize = new ViewportSize { Width = 412, Height = 915 },
        });
        var requests = new RequestLog(context, Address);
        return new BrowserSession(context, await context.NewPageAsync(), requests, output);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _site?.Dispose();
    }
}
