using System.Diagnostics;

namespace PopCulture.Browser.Tests;

/// <summary>
/// The checkers the quality tests run, installed from npm into tests/quality/ by scripts/test.sh (<c>npm ci</c>):
/// Lighthouse, axe-core and the W3C Nu HTML checker (vnu.jar, run with Java).
/// </summary>
internal static class QualityTools
{
    private static string Modules => Path.Combine(RepositoryPaths.Root, "tests", "quality", "node_modules");

    public static string Lighthouse => Installed(Path.Combine("lighthouse", "cli", "index.js"));

    public static string AxeScript => Installed(Path.Combine("axe-core", "axe.min.js"));

    public static string VnuJar => Installed(Path.Combine("vnu-jar", "build", "dist", "vnu.jar"));

    private static string Installed(string relative)
    {
        var path = Path.Combine(Modules, relative);
        return File.Exists(path) ? path : throw new InvalidOperationException(
            $"{path} is missing: run scripts/test.sh, or `npm ci --ignore-scripts` in tests/quality/");
    }

    /// <summary>Runs a tool to its end and returns its exit code and what it wrote; it is killed after <paramref name="timeout"/>.</summary>
    public static async Task<ToolRun> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }

        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}
