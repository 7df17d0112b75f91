using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>One test's browser context and page, with the log of every request it made.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    internal BrowserSession(IBrowserContext context, IPage page, RequestLog requests, ITestOutputHelper output)
    {
        _context = context;
        Page = page;
        Requests = requests;
        Output = output;
    }

    public IPage Page { get; }

    public RequestLog Requests { get; }

    public ITestOutputHelper Output { get; }

    /// <summary>Fails if the page asked anything of a host other than the site's.</summary>
    public void AssertNoOffsiteRequests()
    {
        var offsite = Requests.Offsite;
        Assert.True(offsite.Count == 0, "requests left the site's host:\n" + string.Join('\n', offsite));
    }

    /// <summary>Saves a screenshot of the page as <paramref name="name"/>.png and writes what was fetched to the output.</summary>
    internal async Task RecordFailureAsync(string name, Exception failure)
    {
        try
        {
            Directory.CreateDirectory(RepositoryPaths.Screenshots);
            var path = Path.Combine(RepositoryPaths.Screenshots, name + ".png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 10_000 });
            Output.WriteLine($"screenshot: {path} (page {Page.Url})");
        }
        catch (PlaywrightException e)
        {
            // The page may be the reason the test failed (crashed, closed): the original failure matters more.
            Output.WriteLine($"no screenshot for {name}: {e.Message}");
        }

        Output.WriteLine($"failed: {failure.GetType().Name}: {failure.Message}");
        try
        {
            foreach (var request in await Requests.SinceAsync(0))
            {
                Output.WriteLine(request.ToString());
            }
        }
        catch (PlaywrightException e)
        {
            // Sizes are asked of the browser when the log is read, and a crashed page cannot answer: keep the failure.
            Output.WriteLine($"no request list: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
