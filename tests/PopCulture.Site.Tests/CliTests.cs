using System.Diagnostics;

namespace PopCulture.Site.Tests;

/// <summary>The <c>popculture</c> command as a user runs it: exit codes, messages, output folder.</summary>
public class CliTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "popculture.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Build_prints_a_summary_and_exits_zero()
    {
        using var site = new TempSite().WithBasics();

        var (code, stdout, stderr) = await RunAsync("build", "--content", site.Content, "--theme", site.Theme, "--output", site.Output, "--base-url", "https://example.org/");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Matches(@"built \d+ pages \(0 unchanged, \d+ files written\) in [0-9.]+ s", stdout);
        Assert.True(site.Exists("index.html"));
    }

    [Fact]
    public async Task A_failed_build_prints_path_line_messages_and_exits_non_zero()
    {
        using var site = new TempSite().WithBasics().With("news/bad.md", "---\ntitle: 坏\ndate: 2012-13-01\n---\n");

        var (code, _, stderr) = await RunAsync("build", "--content", site.Content, "--theme", site.Theme, "--output", site.Output);

        Assert.Equal(1, code);
        Assert.Contains($"{site.Content}/news/bad.md:3: 'date' must be a date written YYYY-MM-DD (found '2012-13-01')", stderr, StringComparison.Ordinal);
        Assert.Contains("the previous output was left as it was", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Check_writes_no_output()
    {
        using var site = new TempSite().WithBasics();

        var (code, stdout, _) = await RunAsync("check", "--content", site.Content, "--theme", site.Theme, "--output", site.Output);

        Assert.Equal(0, code);
        Assert.StartsWith("checked", stdout.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task An_invalid_base_url_is_reported_as_such()
    {
        using var site = new TempSite().WithBasics();

        var (code, _, stderr) = await RunAsync("build", "--content", site.Content, "--theme", site.Theme, "--output", site.Output, "--base-url", "example.org");

        Assert.Equal(1, code);
        Assert.Contains("--base-url: base URL 'example.org' must be an absolute http or https URL", stderr, StringComparison.Ordinal);
    }
}
