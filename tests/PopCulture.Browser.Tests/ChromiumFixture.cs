using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>
/// Once per test class: a server on 127.0.0.1 (what it serves is the subclass's business) and one Chromium; each test
/// then opens its own <see cref="BrowserSession"/> (a fresh context: no shared cookies, cache or storage).
/// </summary>
public abstract class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The server's root, with a trailing slash: the only origin a test's pages may ask anything of.</summary>
    public abstract Uri Address { get; }

    /// <summary>The window the pages are shown in.</summary>
    protected abstract ViewportSize Viewport { get; }

    protected abstract Task StartServerAsync(CancellationToken cancellationToken);

    protected abstract ValueTask StopServerAsync();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await StartServerAsync(timeout.Token);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>
    /// Runs one test in a fresh browser context. The test fails if any request left the server's origin; when it fails, a
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
            ViewportSize = Viewport,
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
        await StopServerAsync();
    }
}
