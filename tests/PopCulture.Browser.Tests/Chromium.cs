using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>Debian's Chromium, launched by Playwright; Playwright's own browser builds cannot be downloaded here.</summary>
internal static class Chromium
{
    /// <summary>Set to use another Chromium binary than Debian's.</summary>
    public const string PathVariable = "POPCULTURE_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static string ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                return File.Exists(configured) ? configured : throw new InvalidOperationException($"{PathVariable}={configured} does not exist");
            }

            return Candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
                $"Chromium not found at {string.Join(" or ", Candidates)}: run scripts/test.sh (it installs Debian's chromium) or set {PathVariable}");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
            // Names other than the test server's resolve to nothing, so a stray request fails at once instead of waiting
            // on a network this machine may not have; the request is still seen, and the test fails on it.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ],
    });
}
