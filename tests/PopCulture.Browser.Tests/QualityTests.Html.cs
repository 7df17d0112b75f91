using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PopCulture.Browser.Tests;

public sealed partial class QualityTests
{
    /// <summary>The W3C Nu HTML checker, in one Java run over the whole built site: no error on any page.</summary>
    [Fact]
    public async Task The_Nu_HTML_checker_finds_no_error_on_any_page()
    {
        var root = Path.GetFullPath(browser.Output);
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Count();
        Assert.True(pages > 0, $"no HTML page in {root}");

        var run = await QualityTools.RunAsync(
            "java", ["-jar", QualityTools.VnuJar, "--skip-non-html", "--errors-only", "--format", "json", root], null, TimeSpan.FromMinutes(5));

        // The checker writes its JSON report to standard error, and exits with 1 when it found errors.
        using var report = JsonDocument.Parse(run.Error);
        var errors = new StringBuilder();
        var count = 0;
        foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
        {
            var file = message.TryGetProperty("url", out var url) ? Path.GetRelativePath(root, new Uri(url.GetString()!).LocalPath) : "?";
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
            var column = message.TryGetProperty("firstColumn", out var c) ? c.GetInt32() : message.TryGetProperty("lastColumn", out var lc) ? lc.GetInt32() : 0;
            errors.Append(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {message.GetProperty("message").GetString()}\n");
            count++;
        }

        output.WriteLine($"vnu checked {pages} HTML pages: {count} errors (exit {run.ExitCode})");
        Assert.True(count == 0 && run.ExitCode == 0, $"the Nu HTML checker found {count} errors (exit {run.ExitCode}):\n{errors}");
    }
}
